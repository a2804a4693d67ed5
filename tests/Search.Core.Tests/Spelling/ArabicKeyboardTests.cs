using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

/// <summary>Neighbours on the standard Arabic (101) keyboard, read off the keys.</summary>
public sealed class ArabicKeyboardTests
{
    [Theory]
    [InlineData('م', "نكخحوز")] // L: K ; O P , .
    [InlineData('ش', "سضصئ")] // A: S Q W Z
    [InlineData('ض', "صش")] // Q: W A
    [InlineData('ظ', "زكط")] // /: . ; '
    public void A_key_touches_its_row_neighbours_and_the_overlapping_keys_above_and_below(char letter, string expected)
    {
        Assert.Equal(expected.Order(), ArabicKeyboard.NeighboursOf(letter).Order());
    }

    [Fact]
    public void The_lam_alef_key_separates_ra_and_alef_maqsura()
    {
        Assert.False(ArabicKeyboard.AreNeighbours('ر', 'ى'));
        Assert.True(ArabicKeyboard.AreNeighbours('ر', 'ؤ'));
        Assert.Empty(ArabicKeyboard.NeighboursOf('x'));
        Assert.False(ArabicKeyboard.AreNeighbours('م', 'م'));
    }

    [Theory]
    [InlineData("hgp;,lm", "الحكومة")] // ; is ك, , is و
    [InlineData("Ydvhk", "إيران")] // a capital first letter: shifted Y is إ
    [InlineData("Hugk", "أعلن")] // shifted H is أ
    [InlineData("Wkhl", "صنام")] // any other capital reads as its small letter
    [InlineData("sbl", "سلام")] // b is the lam-alef key
    [InlineData("`hj", "ذات")]
    public void A_word_typed_on_the_latin_layout_reads_as_the_arabic_its_keys_carry(string typed, string expected)
    {
        Assert.Equal(expected, ArabicKeyboard.FromLatinLayout(typed));
    }

    [Theory]
    [InlineData("covid-19")]
    [InlineData("e=mc2")]
    public void A_character_off_the_letter_keys_reads_as_nothing(string typed)
    {
        Assert.Null(ArabicKeyboard.FromLatinLayout(typed));
    }
}
