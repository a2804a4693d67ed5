using Search.Core.Indexing;
using Search.Core.Suggesting;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Suggesting;

/// <summary>What was typed meets the titles however either spells hamzas, vowel marks, tatweel, ى/ي and ة/ه, and the
/// suggestion shows the word as the titles write it, with the typed part marked.</summary>
public sealed class SuggestionNormalizationTests : IDisposable
{
    private readonly NewsIndex _index = InMemoryIndexOf(
        Article("t1", "وزير الاتصالات يفتتح مركز البيانات الجديد"),
        Article("t2", "شركات الاتصالات تخفض أسعار الباقات الشهرية"),
        Article("h1", "افتتاح مستشفى الأطفال في المدينة المنورة"),
        Article("h2", "مستشفى الجامعة يستقبل حالات الأطفال الطارئة"),
        Article("h3", "حملة تطعيم الاطفال تبدأ الأسبوع المقبل"),
        Article("s1", "طلاب المدرسة يزرعون حديقة الحي"),
        Article("m1", "وزارة الصِّحَّة تطلق حملة توعية"),
        Article("l1", "هاتف Nova الجديد يصل الأسواق"));

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("الاتصا")]
    [InlineData("الإتصا")]
    [InlineData("الاِتصا")]
    [InlineData("الأتصا")]
    [InlineData("الاتـــصا")]
    [InlineData("  الاتصا")]
    public void Hamza_vowel_mark_and_tatweel_variants_of_a_prefix_offer_the_word_as_written(string typed)
    {
        var word = FirstWord(typed);

        Assert.Equal("الاتصالات", word.Text);
        Assert.Equal("<mark>الاتصا</mark>لات", word.Highlighted);
        Assert.Equal(2, word.Count);
    }

    [Theory]
    [InlineData("مستشفي")]
    [InlineData("مستشفى")]
    [InlineData("مستشف")]
    public void Alef_maqsura_and_yeh_meet_and_the_suggestion_keeps_the_alef_maqsura_the_titles_write(string typed)
    {
        var word = FirstWord(typed);

        Assert.Equal("مستشفى", word.Text);
        Assert.Equal(2, word.Count);
        Assert.StartsWith("<mark>مستشف", word.Highlighted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("المدرسه")]
    [InlineData("المدرسة")]
    public void Taa_marbuta_and_heh_meet_and_the_suggestion_keeps_the_taa_marbuta(string typed)
    {
        var word = FirstWord(typed);

        Assert.Equal("المدرسة", word.Text);
        Assert.Equal("<mark>المدرسة</mark>", word.Highlighted);
    }

    [Fact]
    public void A_word_written_two_ways_is_one_suggestion_in_its_commonest_written_form()
    {
        var word = FirstWord("الاط");

        Assert.Equal("الأطفال", word.Text);
        Assert.Equal(3, word.Count);
    }

    [Fact]
    public void Vowel_marks_on_the_last_typed_letter_stay_inside_the_mark()
    {
        var word = FirstWord("الصح");

        Assert.Equal("الصِّحَّة", word.Text);
        Assert.Equal("<mark>الصِّحَّ</mark>ة", word.Highlighted);
    }

    [Fact]
    public void Latin_words_match_whatever_their_case_and_keep_the_case_they_are_written_in()
    {
        var word = FirstWord("nov");

        Assert.Equal("Nova", word.Text);
        Assert.Equal("<mark>Nov</mark>a", word.Highlighted);
    }

    [Theory]
    [InlineData("\u202Eالاتصا", "الاتصالات")] // an unclosed RIGHT-TO-LEFT OVERRIDE before the word
    [InlineData("\u200Fالاتصا", "الاتصالات")] // a RIGHT-TO-LEFT MARK, which folding always dropped
    [InlineData("الا\u202Cتصا", "الاتصالات")] // a POP DIRECTIONAL FORMATTING inside the word
    [InlineData("\u2067الاتصا\u2069", "الاتصالات")] // an isolate around it
    [InlineData("\u202Eوزير الاتصا", "وزير الاتصالات")] // in the words before the last, which are echoed as typed
    [InlineData("وزير\u200F الاتصا", "وزير الاتصالات")]
    [InlineData("\u202Bوزير \u202Eالاتص", "وزير الاتصالات")]
    public void Bidi_controls_typed_are_dropped_and_never_echoed_in_a_suggestion(string typed, string expected)
    {
        var suggestions = _index.Suggest(new SuggestRequest(typed)).Suggestions;

        Assert.Equal(expected, suggestions.First(suggestion => suggestion.Kind == SuggestionKind.Word).Text);
        Assert.All(suggestions, suggestion =>
        {
            Assert.DoesNotContain(suggestion.Text, IsBidiControl);
            Assert.DoesNotContain(suggestion.Highlighted, IsBidiControl);
        });
    }

    [Fact]
    public void Stop_words_are_never_offered_as_words()
    {
        var suggestions = _index.Suggest(new SuggestRequest("في")).Suggestions;

        Assert.DoesNotContain(suggestions, suggestion => suggestion.Kind == SuggestionKind.Word && suggestion.Text == "في");
    }

    /// <summary>ALM, LRM, RLM, the embeddings and overrides, and the isolates.</summary>
    private static bool IsBidiControl(char c) => "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".Contains(c);

    private Suggestion FirstWord(string typed) =>
        _index.Suggest(new SuggestRequest(typed)).Suggestions.First(suggestion => suggestion.Kind == SuggestionKind.Word);
}
