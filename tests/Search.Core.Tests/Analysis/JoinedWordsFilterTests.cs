using Search.Core.Analysis;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Analysis;

/// <summary>Words run together over a full stop, a colon or an underscore come apart; abbreviations, addresses and
/// numbers do not.</summary>
public sealed class JoinedWordsFilterTests
{
    private static readonly ArabicNewsAnalyzer Exact = new(stem: false);

    private static (string Term, int Position, string Text)[] Tokens(string text) =>
        [.. TextAnalysis.Tokens(Exact, "body", text).Select(token => (token.Term, token.Position, text[token.StartOffset..token.EndOffset]))];

    [Theory]
    [InlineData("انتهى الاجتماع.وقال الوزير", new[] { "انتهي", "الاجتماع", "وقال", "الوزير" })] // a sentence run on
    [InlineData("سوسة:الوحدات", new[] { "سوسه", "الوحدات" })] // a heading glued to its text
    [InlineData("#مكافحة_الإرهاب", new[] { "مكافحه", "الارهاب" })] // a hashtag
    [InlineData("#عيد_الفطر_المبارك", new[] { "عيد", "الفطر", "المبارك" })] // three pieces
    [InlineData("الحكومةُ.وقال", new[] { "الحكومه", "وقال" })] // a vowel mark before the stop
    [InlineData("موقع يوتيوب.com", new[] { "موقع", "يوتيوب", "com" })] // Arabic on one side is enough
    public void Words_joined_by_a_stop_a_colon_or_an_underscore_come_apart(string text, string[] expected)
    {
        var tokens = Tokens(text);
        Assert.Equal(expected, tokens.Select(token => token.Term));

        // One position each, and offsets on the piece itself, so phrases and highlights see separate words.
        Assert.Equal(Enumerable.Range(0, expected.Length), tokens.Select(token => token.Position));
        Assert.All(tokens, token => Assert.DoesNotContain(token.Text, ['.', ':', '_']));
    }

    [Theory]
    [InlineData("U.S", "u.s")]
    [InlineData("example.com", "example.com")]
    [InlineData("snake_case", "snake_case")]
    [InlineData("3.5", "3.5")]
    [InlineData("3,000.50", "3,000.50")]
    public void Latin_abbreviations_addresses_and_numbers_stay_whole(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(Tokens(text)).Term);
    }

    [Fact]
    public void An_article_with_a_hashtag_or_a_run_on_sentence_is_found_by_each_word_and_highlighted()
    {
        using var index = TestCorpus.InMemoryIndexOf(
            TestCorpus.Article("hashtag", "حملة", "أطلق ناشطون وسم #مكافحة_الإرهاب أمس."),
            TestCorpus.Article("run-on", "الاجتماع", "انتهى الاجتماع.وقال المتحدث إن الاتفاق قريب."));

        Assert.Equal("hashtag", Assert.Single(index.Search(new SearchRequest("الإرهاب")).Hits).Id);
        var hit = Assert.Single(index.Search(new SearchRequest("المتحدث")).Hits);
        Assert.Equal("run-on", hit.Id);
        Assert.Contains("<mark>المتحدث</mark>", Assert.Single(hit.Highlights.Snippets), StringComparison.Ordinal);

        // A phrase across the joint matches, the pieces being neighbours.
        Assert.Equal("run-on", Assert.Single(index.Search(new SearchRequest("\"الاجتماع وقال\"")).Hits).Id);
    }
}
