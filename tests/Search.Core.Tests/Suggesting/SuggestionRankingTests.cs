using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Suggesting;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Suggesting;

/// <summary>Suggestions rank by how many titles hold them, each weighted by how recent its story is.</summary>
public sealed class SuggestionRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Among_stories_of_the_same_age_the_word_more_titles_hold_ranks_first()
    {
        using var index = IndexOf(
            [.. Titled("الزيتون", 5, Now.AddYears(-3)), .. Titled("الزعتر", 2, Now.AddYears(-3)), .. Titled("الزراعة", 3, Now.AddYears(-3))]);

        var words = Words(index, "الز");

        Assert.Equal(["الزيتون", "الزراعة", "الزعتر"], words.Select(word => word.Text));
        Assert.Equal([5, 3, 2], words.Select(word => word.Count));
    }

    [Fact]
    public void A_word_in_a_few_fresh_stories_outranks_one_in_more_stories_long_past()
    {
        using var index = IndexOf([.. Titled("الزيتون", 5, Now.AddYears(-3)), .. Titled("الزلزال", 2, Now.AddHours(-2))]);

        var words = Words(index, "الز");

        Assert.Equal(["الزلزال", "الزيتون"], words.Select(word => word.Text));
    }

    [Fact]
    public void Among_fresh_stories_frequency_still_decides()
    {
        using var index = IndexOf([.. Titled("الزلزال", 4, Now.AddHours(-3)), .. Titled("الزجاج", 2, Now.AddHours(-1))]);

        Assert.Equal(["الزلزال", "الزجاج"], Words(index, "الز").Select(word => word.Text));
    }

    [Fact]
    public void As_time_passes_a_burst_of_stories_fades_behind_a_steadily_common_word_without_a_rebuild()
    {
        var clock = new FixedClock(Now);
        using var index = IndexOf([.. Titled("الزيتون", 5, Now.AddYears(-1)), .. Titled("الزلزال", 2, Now.AddDays(-1))], clock);
        Assert.Equal("الزلزال", Words(index, "الز")[0].Text);

        clock.Now = Now.AddDays(120);

        Assert.Equal("الزيتون", Words(index, "الز")[0].Text);
    }

    [Fact]
    public void Undated_stories_count_as_long_past()
    {
        using var index = IndexOf([.. Titled("الزيتون", 3, publishedAt: null), .. Titled("الزلزال", 2, Now.AddYears(-5)), .. Titled("الزعتر", 1, Now)]);

        Assert.Equal(["الزعتر", "الزيتون", "الزلزال"], Words(index, "الز").Select(word => word.Text));
    }

    [Fact]
    public void A_word_twice_in_one_title_counts_once()
    {
        using var index = IndexOf(Article("twice", "الزيتون ثم الزيتون", publishedAt: Now));

        Assert.Equal(1, Words(index, "الزي").Single().Count);
    }

    [Fact]
    public void Copies_of_one_headline_count_together_and_fresh_headlines_rank_before_old_ones()
    {
        using var index = IndexOf(
            Article("old", "مهرجان الربيع يعود بعد غياب", publishedAt: Now.AddYears(-2)),
            Article("copy-1", "مهرجان الربيع يفتتح دورته العاشرة", publishedAt: Now.AddDays(-3), source: "أ"),
            Article("copy-2", "مهرجان الربيع يفتتح دورته العاشرة", publishedAt: Now.AddDays(-2), source: "ب"),
            Article("fresh", "مهرجان الربيع يختتم فعالياته", publishedAt: Now.AddHours(-1)));

        var titles = index.Suggest(new SuggestRequest("مهرجان الربيع ي", SuggestRequest.MaxSize)).Suggestions.Where(suggestion => suggestion.Kind == SuggestionKind.Title).ToList();

        // The copies: two stories of 2–3 days (about 8 each); the fresh one: 10; the old one: 1.
        Assert.Equal(["copy-2", "fresh", "old"], titles.Select(title => title.Id));
        Assert.Equal([2, 1, 1], titles.Select(title => title.Count));
    }

    private static NewsArticle[] Titled(string word, int count, DateTimeOffset? publishedAt) =>
        [.. Enumerable.Range(0, count).Select(i => Article($"{word}-{i}", $"{word} في خبر رقم {i}", publishedAt: publishedAt))];

    private static NewsIndex IndexOf(params NewsArticle[] articles) => IndexOf(articles, new FixedClock(Now));

    private static NewsIndex IndexOf(NewsArticle[] articles, FixedClock clock)
    {
        var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)") { Suggestions = new SuggestionOptions { Clock = clock } });
        var generation = 0L;
        foreach (var article in articles)
        {
            generation = index.Upsert(article);
        }

        index.WaitFor(generation);
        return index;
    }

    private static List<Suggestion> Words(NewsIndex index, string typed) =>
        [.. index.Suggest(new SuggestRequest(typed, SuggestRequest.MaxSize)).Suggestions.Where(suggestion => suggestion.Kind == SuggestionKind.Word)];
}
