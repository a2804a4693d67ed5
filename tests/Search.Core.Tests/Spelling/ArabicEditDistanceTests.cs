using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

/// <summary>Each kind of forgiven slip costs less than a plain edit, a swap of neighbours among them; a plain edit costs one.</summary>
public sealed class ArabicEditDistanceTests
{
    [Theory]
    [InlineData("مسؤول", "مسئول")] // hamza seats: ؤ / ئ
    [InlineData("مسؤول", "مسوول")] // ؤ / و
    [InlineData("مسءول", "مسوول")] // ؤ as the index folds it / و
    [InlineData("هيءه", "هييه")] // ئ as the index folds it / ي
    [InlineData("أعلن", "اعلن")] // أ / ا
    [InlineData("إعلان", "اعلان")] // إ / ا
    [InlineData("آثار", "أثار")] // آ / أ
    [InlineData("هيئة", "هيأة")] // ئ / أ
    [InlineData("الحكومة", "الحكومه")] // ة / ه
    [InlineData("مستشفى", "مستشفي")] // ى / ي
    public void A_spelling_variant_costs_the_variant_cost(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.VariantCost, ArabicEditDistance.Between(a, b), 4);
        Assert.Equal(ArabicEditDistance.VariantCost, ArabicEditDistance.Between(b, a), 4);
    }

    [Theory]
    [InlineData("الحكومة", "الحكوومة")] // و typed twice
    [InlineData("المدرسة", "المدررسة")]
    [InlineData("ابناء", "ابنا")] // a hamza on the line left out
    public void A_doubled_letter_or_a_dropped_hamza_costs_half_an_edit(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.DroppedHamzaOrDoubledCost, ArabicEditDistance.Between(a, b), 4);
        Assert.Equal(ArabicEditDistance.DroppedHamzaOrDoubledCost, ArabicEditDistance.Between(b, a), 4);
    }

    [Theory]
    [InlineData("الحكومة", "الحكونة")] // م → ن, side by side on the home row
    [InlineData("الحكومة", "الحكوخة")] // م → خ, the key above
    [InlineData("تيم", "نيم")] // ت → ن
    [InlineData("ضريبة", "صريبة")] // ض → ص, the first letter too
    public void A_keyboard_neighbour_costs_less_than_a_plain_replacement(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.KeyboardNeighbourCost, ArabicEditDistance.Between(a, b), 4);
    }

    [Theory]
    [InlineData("الدول", "الذول")] // ذ for د
    [InlineData("تقع", "طقع")] // ط for ت
    [InlineData("سكانا", "صكانا")] // ص for س
    [InlineData("البظر", "البضر")] // ض for ظ
    [InlineData("مثله", "مسله")] // ث said as س
    [InlineData("ثلاثة", "تلاثة")] // ث said as ت
    [InlineData("هذا", "هزا")] // ذ said as ز
    public void A_letter_that_sounds_alike_costs_less_than_a_plain_replacement(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.SoundAlikeCost, ArabicEditDistance.Between(a, b), 4);
        Assert.Equal(ArabicEditDistance.SoundAlikeCost, ArabicEditDistance.Between(b, a), 4);
    }

    [Theory]
    [InlineData("الحكومة", "الحكوشة")] // م → ش: keys far apart
    [InlineData("الحكومة", "الحكمة")] // و left out
    [InlineData("الحكومة", "الحكوتمة")] // ت added
    public void A_plain_edit_costs_one(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.EditCost, ArabicEditDistance.Between(a, b), 4);
    }

    [Theory]
    [InlineData("وزير", "ويزر")] // ز and ي swapped: one swap, not two replacements
    [InlineData("الحكومة", "الحكوةم")]
    [InlineData("فلسطين", "فلسطني")]
    public void A_swap_of_neighbouring_letters_costs_less_than_a_plain_edit(string a, string b)
    {
        Assert.Equal(ArabicEditDistance.TranspositionCost, ArabicEditDistance.Between(a, b), 4);
        Assert.True(ArabicEditDistance.TranspositionCost < ArabicEditDistance.EditCost);
    }

    [Fact]
    public void Cheaper_kinds_rank_below_plain_edits_and_add_up()
    {
        Assert.True(ArabicEditDistance.VariantCost < ArabicEditDistance.DroppedHamzaOrDoubledCost);
        Assert.True(ArabicEditDistance.DroppedHamzaOrDoubledCost < ArabicEditDistance.KeyboardNeighbourCost);
        Assert.True(ArabicEditDistance.KeyboardNeighbourCost < ArabicEditDistance.EditCost);

        // A swap and a hamza seat: 0.8 + 0.3.
        Assert.Equal(ArabicEditDistance.TranspositionCost + ArabicEditDistance.VariantCost, ArabicEditDistance.Between("مسؤول", "مسئلو"), 4);
        Assert.Equal(0, ArabicEditDistance.Between("الحكومة", "الحكومة"));
        Assert.Equal(3, ArabicEditDistance.Between("", "شمس"));
    }

    [Fact]
    public void Past_the_limit_the_answer_is_only_known_to_exceed_it()
    {
        Assert.True(ArabicEditDistance.Between("الحكومة", "البرلمان", limit: 1.5f) > 1.5f);
        Assert.Equal(ArabicEditDistance.EditCost, ArabicEditDistance.Between("الحكومة", "الحكمة", limit: 1f), 4);
    }
}
