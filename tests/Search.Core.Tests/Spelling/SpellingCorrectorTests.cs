using Search.Core.Spelling;

namespace Search.Core.Tests.Spelling;

/// <summary>Which word of the vocabulary the corrector picks for a typed word, and when it picks none.</summary>
public sealed class SpellingCorrectorTests : IDisposable
{
    private readonly SpellingIndex _index = new(
        ("الحكومة تعلن الميزانية", 1),
        ("مسؤول في الوزارة", 1),
        ("مسحول", 20), // a made-up word, twenty times as common as مسؤول and one plain edit from مسوول
        ("سلام دائم", 5),
        ("سلاح جديد", 1),
        ("معدلات الانتحار ترتفع", 1),
        ("افتتاح المتحف في القاهرة", 1),
        ("نتانياهو يزور واشنطن", 1),
        ("وزارة الصحة", 1),
        ("سلاحجديد", 1)); // two words run together in an article: the vocabulary holds the slip too

    public void Dispose() => _index.Dispose();

    private SpellingCorrector Corrector() => new(new Vocabulary(_index.Reader, new WordTries()));

    [Theory]
    [InlineData("الحكوومه", "الحكومه")] // a letter doubled
    [InlineData("الحكمومه", "الحكومه")] // a letter added
    [InlineData("الحكوهم", "الحكومه")] // two letters swapped
    [InlineData("الحكونه", "الحكومه")] // a keyboard neighbour
    [InlineData("تانياهو", "نتانياهو")] // the first letter dropped
    [InlineData("تتانياهو", "نتانياهو")] // the first letter replaced by its neighbour
    [InlineData("مسئول", "مسءول")] // another hamza seat: both fold to the vocabulary's مسءول
    public void An_unknown_word_gets_the_vocabulary_word_it_slipped_from(string typed, string expected)
    {
        var correction = Corrector().CorrectUnknown(typed);

        Assert.NotNull(correction);
        Assert.Equal(new[] { expected }, correction.Words);
    }

    [Fact]
    public void At_equal_distance_the_more_common_word_wins()
    {
        // سلاث is one plain replacement from both سلام (5 articles) and سلاح (1).
        Assert.Equal(new[] { "سلام" }, Corrector().CorrectUnknown("سلاث")!.Words);
    }

    [Fact]
    public void A_cheaper_edit_outweighs_a_modestly_higher_frequency()
    {
        // مسوول: a hamza seat (0.3) from مسؤول (folded مسءول) in 1 article, a plain edit (1) from مسحول in 20.
        Assert.Equal(new[] { "مسءول" }, Corrector().CorrectUnknown("مسوول")!.Words);
    }

    [Fact]
    public void A_letter_that_sounds_alike_outweighs_a_modestly_higher_frequency()
    {
        // الذول: ذ for د, as many say it, from الدول in 1 article; a plain replacement from الحول in 5.
        using var index = new SpellingIndex(("الدول العربية", 1), ("الحول", 5));

        Assert.Equal(new[] { "الدول" }, new SpellingCorrector(new Vocabulary(index.Reader, new WordTries())).CorrectUnknown("الذول")!.Words);
    }

    [Fact]
    public void A_swap_of_neighbouring_letters_outweighs_a_modestly_higher_frequency()
    {
        // فلسطني: two letters swapped from فلسطين in 1 article, a letter left out from فلسطيني in 2.
        using var index = new SpellingIndex(("فلسطين", 1), ("فلسطيني", 2));

        Assert.Equal(new[] { "فلسطين" }, new SpellingCorrector(new Vocabulary(index.Reader, new WordTries())).CorrectUnknown("فلسطني")!.Words);
    }

    [Theory]
    [InlineData("معدلاتالانتحار", "معدلات", "الانتحار")]
    [InlineData("فيالقاهره", "في", "القاهره")] // a stop word run into the next word
    public void Two_words_run_together_are_split(string typed, string first, string second)
    {
        Assert.Equal(new[] { first, second }, Corrector().CorrectUnknown(typed)!.Words);
    }

    [Fact]
    public void One_word_split_in_two_is_joined_unless_both_pieces_are_words()
    {
        var corrector = Corrector();

        Assert.Equal("وزاره", corrector.Join("وزا", "ره"));
        Assert.Null(corrector.Join("سلاح", "جديد")); // two words the index holds: not one word split
        Assert.Null(corrector.Join("قطا", "ره")); // nothing the index holds
    }

    [Theory]
    [InlineData("برتقال")] // nothing near it
    [InlineData("ال")] // too short to guess
    public void A_word_with_nothing_close_gets_no_correction(string typed)
    {
        Assert.Null(Corrector().CorrectUnknown(typed));
    }

    [Theory]
    [InlineData("مسؤول\U0001F600")] // an emoji: a surrogate pair
    [InlineData("مسؤ\uD800ول")] // a lone surrogate
    [InlineData("\uFFFFمسؤول")]
    public void A_word_holding_any_character_gets_an_answer_not_an_exception(string typed)
    {
        var corrector = Corrector();

        Assert.Null(Record.Exception(() => corrector.CandidatesForUnknown(typed)));
        Assert.Null(Record.Exception(() => corrector.CandidatesForUnseenForm(typed)));
        Assert.Null(Record.Exception(() => corrector.CorrectRare(typed, docFreq: 0)));
    }

    [Fact]
    public void A_character_past_the_arabic_block_is_edited_away_like_any_other()
    {
        // A right-to-left embedding mark (U+202B) inside the word: one deletion from مسؤول.
        Assert.Equal(new[] { "مسءول" }, Corrector().CorrectUnknown("مس\u202Bؤول")!.Words);
    }

    [Fact]
    public void A_known_word_is_replaced_only_by_a_far_more_common_one()
    {
        using var index = new SpellingIndex(("الانتخابات البرلمانية", SpellingCorrector.RareWordRatio), ("الانتخاباث", 1), ("سلام", 2), ("سلاح", 1));
        var corrector = new SpellingCorrector(new Vocabulary(index.Reader, new WordTries()));

        Assert.Equal(new[] { "الانتخابات" }, corrector.CorrectRare("الانتخاباث", docFreq: 1)!.Words);
        Assert.Null(corrector.CorrectRare("سلاح", docFreq: 1)); // سلام is only twice as common
    }

    [Fact]
    public void A_word_longer_than_any_slip_of_a_real_one_is_not_looked_up()
    {
        // Made-up words one letter-slip from what was typed: the ordinary length is corrected, the outsized one not,
        // since its walks of the vocabulary would cost far more than any such word is worth.
        var ordinary = new string('ب', 10) + new string('ت', 10);
        var outsized = new string('ب', 13) + new string('ت', 13);
        using var index = new SpellingIndex((ordinary, 1), (outsized, 1));
        var corrector = new SpellingCorrector(new Vocabulary(index.Reader, new WordTries()));

        Assert.Equal(new[] { ordinary }, corrector.CorrectUnknown(ordinary[..^1] + "ث")!.Words);
        Assert.Empty(corrector.CandidatesForUnknown(outsized[..^1] + "ث"));
        Assert.True(outsized.Length > SpellingCorrector.MaxWordLength);
    }
}
