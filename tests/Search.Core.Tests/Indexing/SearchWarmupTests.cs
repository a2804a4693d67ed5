using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

/// <summary>A serving index warms itself (suggestions built, the search path run) before it says it is warmed.</summary>
public sealed class SearchWarmupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_index_opened_on_articles_builds_suggestions_and_runs_searches_before_it_is_warmed()
    {
        using var temp = new TempDirectory();
        Write(temp, TestCorpus.Article("a", "افتتاح متحف الفن الحديث في العاصمة"), TestCorpus.Article("b", "ارتفاع صادرات التمور هذا العام"));

        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await index.Warmed.WaitAsync(Patience);

        Assert.True(index.WarmupRequests > 0);
        var builds = index.SuggestionBuilds;
        Assert.True(builds > 0);
        Assert.NotEmpty(index.Search(new SearchRequest("التمور")).Hits);
        Assert.Equal(builds, index.SuggestionBuilds);
    }

    [Fact]
    public async Task An_empty_index_is_warmed_without_searching()
    {
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));

        await index.Warmed.WaitAsync(Patience);

        Assert.Equal(0, index.WarmupRequests);
    }

    [Fact]
    public async Task A_newest_title_without_words_to_search_leaves_warming_to_the_suggestions()
    {
        using var temp = new TempDirectory();
        Write(temp, TestCorpus.Article("a", "افتتاح متحف الفن الحديث"), TestCorpus.Article("b", "2025 - 12"));

        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await index.Warmed.WaitAsync(Patience);

        Assert.Equal(0, index.WarmupRequests);
        Assert.True(index.SuggestionBuilds > 0);
    }

    [Fact]
    public void A_bulk_loading_index_is_warmed_from_the_start()
    {
        using var temp = new TempDirectory();
        Write(temp, TestCorpus.Article("a", "افتتاح متحف الفن الحديث"));

        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { MaxRefreshDelay = null });

        Assert.True(index.Warmed.IsCompleted);
        Assert.Equal(0, index.WarmupRequests);
        Assert.Equal(0, index.SuggestionBuilds);
    }

    private static void Write(TempDirectory temp, params Core.Documents.NewsArticle[] articles)
    {
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { MaxRefreshDelay = null });
        foreach (var article in articles)
        {
            index.Upsert(article);
        }

        index.Commit();
    }
}
