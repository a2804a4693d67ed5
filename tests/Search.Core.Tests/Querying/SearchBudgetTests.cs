using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

public sealed class SearchBudgetTests
{
    [Theory]
    [InlineData(21, 0, 0, "exclude at most 20")]
    [InlineData(0, 11, 0, "at most 10 quoted phrases")]
    [InlineData(0, 0, 65, "at most 64 words")]
    public void Queries_beyond_a_complexity_cap_are_refused_saying_which(int excluded, int phrases, int words, string expected)
    {
        var query = string.Join(' ', Enumerable.Range(0, excluded).Select(i => $"-كلمة{i}")
            .Concat(Enumerable.Range(0, phrases).Select(i => $"\"عبارة {i}\""))
            .Concat(Enumerable.Range(0, words).Select(i => $"كلمة{i}")));

        var errors = new SearchRequest(query).Validate();

        Assert.Contains(expected, Assert.Single(errors["q"]), StringComparison.Ordinal);
        using var index = NewsIndex.InMemory();
        Assert.Throws<InvalidSearchRequestException>(() => index.Search(new SearchRequest(query)));
    }

    [Theory]
    [InlineData("a/", 65)]
    [InlineData("وزير،", 65)]
    [InlineData("部", 65)]
    public void Words_joined_without_spaces_count_against_the_word_cap_as_the_tokenizer_splits_them(string piece, int count)
    {
        var query = string.Concat(Enumerable.Repeat(piece, count));

        Assert.Contains($"at most 64 words; it has {count}", Assert.Single(new SearchRequest(query).Validate()["q"]), StringComparison.Ordinal);
        Assert.Empty(new SearchRequest(string.Concat(Enumerable.Repeat(piece, 64))).Validate());
        Assert.Contains($"it has {count}", Assert.Single(new SearchRequest($"\"{query}\"").Validate()["q"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_at_the_caps_are_accepted()
    {
        var query = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"-كلمة{i}")
            .Concat(Enumerable.Range(0, 10).Select(i => $"\"عبارة {i}\""))
            .Concat(Enumerable.Range(0, 24).Select(i => $"كلمة{i}")));

        Assert.Empty(new SearchRequest(query).Validate());
    }

    [Fact]
    public void A_search_past_its_time_budget_returns_what_it_found_flagged_and_without_a_cursor()
    {
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)")
        {
            MaxRefreshDelay = null,
            SearchTimeout = TimeSpan.FromMilliseconds(5),
            SearchClock = new SteppingClock(),
        });
        for (var i = 0; i < 200; i++)
        {
            index.Upsert(TestCorpus.Article($"a{i}", $"خبر رقم {i} عن الاقتصاد"));
        }

        index.Commit();

        var results = index.Search(new SearchRequest("الاقتصاد") { PageSize = 5 });

        Assert.True(results.TimedOut);
        Assert.True(results.Total < 200, $"counted {results.Total}");
        Assert.Null(results.NextCursor);
        using var unbounded = TestCorpus.InMemoryIndexOf(TestCorpus.Article("a", "خبر عن الاقتصاد"));
        Assert.False(unbounded.Search(new SearchRequest("الاقتصاد")).TimedOut);
    }

    [Fact]
    public void Past_the_time_budget_the_pages_other_hits_show_their_opening_instead_of_marked_passages()
    {
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)")
        {
            MaxRefreshDelay = null,
            SearchTimeout = TimeSpan.FromMilliseconds(40),
            SearchClock = new SteppingClock(),
        });
        for (var i = 0; i < 30; i++)
        {
            index.Upsert(TestCorpus.Article($"a{i}", $"خبر رقم {i}", $"افتتاحية الخبر {i}. ثم فقرة طويلة تذكر الاقتصاد في آخرها."));
        }

        index.Commit();

        // Matching the 30 reads the clock about 30 times, within the budget; marking each hit reads it once more.
        var results = index.Search(new SearchRequest("الاقتصاد") { PageSize = 30, IncludeFacets = false, CollapseDuplicates = false });

        Assert.False(results.TimedOut);
        Assert.Equal(30, results.Total);
        Assert.Contains("<mark>", Assert.Single(results.Hits[0].Highlights.Snippets), StringComparison.Ordinal);
        var last = Assert.Single(results.Hits[^1].Highlights.Snippets);
        Assert.DoesNotContain("<mark>", last, StringComparison.Ordinal);
        Assert.StartsWith("افتتاحية الخبر", last, StringComparison.Ordinal);
    }

    /// <summary>A clock that moves one millisecond each time it is read, so a budget runs out after a known number of
    /// collected documents whatever the machine's speed.</summary>
    private sealed class SteppingClock : Counter
    {
        private long _now;

        public override long AddAndGet(long delta) => Interlocked.Add(ref _now, delta);

        public override long Value => Interlocked.Increment(ref _now);
    }
}
