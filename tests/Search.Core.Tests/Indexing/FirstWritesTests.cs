using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

/// <summary>An import into an empty index adds each new id and still replaces a repeated one; into a non-empty one it upserts.</summary>
public sealed class FirstWritesTests
{
    [Fact]
    public void Only_the_first_write_of_an_id_into_an_empty_index_is_an_add()
    {
        var writes = new FirstWrites(emptyAtStart: true);

        Assert.True(writes.TryClaim("a", out var first));
        writes.Added(first);
        Assert.True(writes.TryClaim("b", out var other));
        writes.Added(other);

        Assert.False(writes.TryClaim("a", out var again));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Into_an_index_that_held_articles_every_write_upserts()
    {
        var writes = new FirstWrites(emptyAtStart: false);

        Assert.False(writes.TryClaim("a", out _));
    }

    [Fact]
    public async Task A_repeat_waits_until_the_add_of_its_first_copy_returns()
    {
        var writes = new FirstWrites(emptyAtStart: true);
        Assert.True(writes.TryClaim("a", out var key));

        var repeat = Task.Run(() => writes.TryClaim("a", out _));
        await Task.Delay(100);
        Assert.False(repeat.IsCompleted);

        writes.Added(key);
        Assert.False(await repeat.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Importing_repeated_ids_into_an_empty_index_keeps_one_article_an_id_the_last_one_read(int threads)
    {
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { MaxRefreshDelay = null });
        var records = Enumerable.Range(0, 2_000)
            .Select(i => IngestResult.Of(TestCorpus.Article($"id{i % 500}", $"خبر رقم {i} عن الطاقة", $"نسخة {i / 500}")))
            .ToList();

        ArticleImporter.Import(index, records, threads: threads);

        Assert.Equal(500, index.Count);
        if (threads == 1)
        {
            Assert.Equal("نسخة 3", index.Find("id7")?.Body);
        }

        Assert.Equal(500, index.Search(new SearchRequest("الطاقة", PageSize: 1) { CollapseDuplicates = false }).Total);
    }

    [Fact]
    public void Importing_into_an_index_that_holds_the_id_replaces_it()
    {
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { MaxRefreshDelay = null });
        ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("a", "خبر أول عن الزراعة"))]);

        ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("a", "خبر معدل عن الزراعة")), IngestResult.Of(TestCorpus.Article("b", "خبر ثان"))]);

        Assert.Equal(2, index.Count);
        Assert.Equal("خبر معدل عن الزراعة", index.Find("a")?.Title);
    }
}
