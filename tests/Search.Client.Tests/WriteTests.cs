using System.Net;
using Search.Api.Tests;
using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client.Tests;

public sealed class WriteTests
{
    private static readonly Article Museum = new()
    {
        Id = "museum",
        Title = "افتتاح متحف الفن الحديث في العاصمة",
        Lead = "افتتح وزير الثقافة متحف الفن الحديث.",
        Body = "يضم المتحف أعمالا لفنانين عرب من القرن الماضي.\nويفتح أبوابه للزوار يوميا.",
        Url = "https://example.org/museum",
        Source = "الأنباء",
        Section = "ثقافة",
        Author = "سلمى يوسف",
        Tags = ["متاحف", "فنون"],
        PublishedAt = new DateTimeOffset(2024, 11, 22, 10, 30, 0, TimeSpan.FromHours(3)),
    };

    [Fact]
    public async Task Put_creates_then_replaces_and_delete_removes_an_article()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.WriterOf(factory);

        var created = await client.PutArticleAsync(Museum);
        Assert.Equal(new WriteResult("museum", WriteOutcome.Created, created.Sequence), created);
        Assert.Equal(Museum, await client.GetArticleAsync("museum"), ArticleComparer.Instance);

        var closing = Museum with { Title = "إغلاق متحف الفن الحديث", Body = null, Tags = [] };
        var updated = await client.PutArticleAsync(closing, waitForSearch: true);
        Assert.Equal(WriteOutcome.Updated, updated.Result);
        Assert.True(updated.Sequence > created.Sequence);
        Assert.Equal(closing, await client.GetArticleAsync("museum"), ArticleComparer.Instance);
        Assert.Equal(["museum"], (await client.SearchAsync(new SearchQuery("إغلاق"))).Hits.Select(hit => hit.Id));

        var deleted = await client.DeleteArticleAsync("museum", waitForSearch: true);
        Assert.Equal(WriteOutcome.Deleted, deleted.Result);
        await Assert.ThrowsAsync<SearchNotFoundException>(() => client.GetArticleAsync("museum"));
        Assert.Empty((await client.SearchAsync(new SearchQuery("إغلاق"))).Hits);
        var again = await Assert.ThrowsAsync<SearchNotFoundException>(() => client.DeleteArticleAsync("museum"));
        Assert.Equal("article_not_found", again.Code);
    }

    [Theory]
    [InlineData("https://example.org/news/2024/11/museum?ref=rss#top")]
    [InlineData("قسم/متحف الفن")]
    [InlineData("a/../b")]
    [InlineData("...")]
    public async Task Any_id_is_written_read_related_and_deleted_under_itself(string id)
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.WriterOf(factory);
        await client.PutArticleAsync(Museum with { Id = "other" });

        Assert.Equal(WriteOutcome.Created, (await client.PutArticleAsync(Museum with { Id = id }, waitForSearch: true)).Result);

        Assert.Equal(id, (await client.GetArticleAsync(id)).Id);
        Assert.Equal(id, (await client.GetRelatedAsync(id)).Id);
        Assert.Equal(id, (await client.DeleteArticleAsync(id)).Id);
        Assert.Equal("other", (await client.GetArticleAsync("other")).Id);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task An_id_that_a_url_path_would_read_as_a_step_is_refused_before_sending(string id)
    {
        var stub = StubHandler.Json("{}");
        var client = stub.Client(apiKey: "key");

        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetArticleAsync(id))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetRelatedAsync(id))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteArticleAsync(id))).ParamName);
        Assert.Equal("article", (await Assert.ThrowsAsync<ArgumentException>(() => client.PutArticleAsync(Museum with { Id = id }))).ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Bulk_answers_one_item_per_article_in_order_and_a_bad_one_never_stops_the_others()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.WriterOf(factory);
        await client.PutArticleAsync(Museum with { Id = "b" });
        Article[] articles =
        [
            Museum with { Id = "a", Title = "مكتبة عامة جديدة في المدينة" },
            Museum with { Id = "b", Title = "معرض للكتاب في المدينة" },
            Museum with { Id = "c", Title = " " },
            Museum with { Id = "d", Title = "مسرح المدينة يعود بعد الترميم" },
        ];

        var response = await client.BulkWriteAsync(articles, waitForSearch: true);

        Assert.True(response.HasErrors);
        Assert.Equal(3, response.Succeeded);
        Assert.Equal(1, response.Failed);
        Assert.Equal([1, 2, 3, 4], response.Items.Select(item => item.Line));
        Assert.Equal([WriteOutcome.Created, WriteOutcome.Updated, null, WriteOutcome.Created], response.Items.Select(item => item.Result));
        Assert.Equal([201, 200, 400, 201], response.Items.Select(item => item.Status));
        Assert.Equal([true, true, false, true], response.Items.Select(item => item.Succeeded));
        Assert.Equal("title", response.Items[2].Field);
        Assert.False(string.IsNullOrWhiteSpace(response.Items[2].Error));
        var found = await client.SearchAsync(new SearchQuery("المدينة") { Collapse = false });
        Assert.Equal(["a", "b", "d"], found.Hits.Select(hit => hit.Id).Order());
        await Assert.ThrowsAsync<SearchNotFoundException>(() => client.GetArticleAsync("c"));
    }

    [Fact]
    public async Task Index_stats_count_the_writes()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.WriterOf(factory);
        var before = await client.GetIndexStatsAsync();

        await client.BulkWriteAsync([Museum with { Id = "a" }, Museum with { Id = "b" }, Museum with { Id = "c" }], waitForSearch: true);
        await client.DeleteArticleAsync("b", waitForSearch: true);
        var after = await client.GetIndexStatsAsync();

        Assert.Equal(0, before.Index.Articles);
        Assert.Equal(2, after.Index.Articles);
        Assert.Equal(before.Writes.Log.LastSequence + 4, after.Writes.Log.LastSequence);
        Assert.Equal(after.Writes.Log.LastSequence, after.Writes.AppliedSequence);
        Assert.Equal(0, after.Writes.PendingChanges);
        Assert.Null(after.Writes.Fault);
        Assert.True(after.Index.BytesOnDisk > 0);
        Assert.Empty(after.Feeds);
    }

    [Fact]
    public async Task A_snapshot_copies_the_index_and_a_reindex_rebuilds_it_from_the_stored_articles()
    {
        var snapshots = Directory.CreateTempSubdirectory("search-client-snapshots-").FullName;
        try
        {
            await using var factory = SearchApiFactory.WithWrites(("Search:SnapshotPath", snapshots));
            var client = ServiceClients.WriterOf(factory);
            await client.BulkWriteAsync([Museum with { Id = "a" }, Museum with { Id = "b" }]);

            var snapshot = await client.SnapshotAsync("nightly");
            var reindex = await client.ReindexAsync();

            Assert.Equal(Path.Combine(snapshots, "nightly"), snapshot.Folder);
            Assert.Equal(snapshot.Files, Directory.GetFiles(snapshot.Folder, "*", SearchOption.AllDirectories).Length);
            Assert.True(snapshot.Bytes > 0);
            Assert.Equal(0, snapshot.CopiedBytes); // the index's own disk: hard links, nothing copied
            Assert.Equal(2, snapshot.Sequence);
            Assert.Equal(2, reindex.Imported);
            Assert.Equal(0, reindex.Skipped);
            Assert.Empty(reindex.Problems);
            Assert.Equal(2, (await client.SearchAsync(new SearchQuery("متحف"))).Total);

            var taken = await Assert.ThrowsAsync<SearchApiException>(() => client.SnapshotAsync("nightly"));
            Assert.Equal((HttpStatusCode.Conflict, "snapshot_exists"), (taken.Status, taken.Code));
            var missing = await Assert.ThrowsAsync<SearchValidationException>(() => client.ReindexAsync(["/no/such/folder"]));
            Assert.Contains("paths", missing.Errors);
        }
        finally
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_article_is_a_validation_exception_naming_the_field_and_nothing_is_written()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.WriterOf(factory);

        var error = await Assert.ThrowsAsync<SearchValidationException>(() => client.PutArticleAsync(Museum with { Title = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("invalid_article", error.Code);
        Assert.Contains("title", error.Errors);
        await Assert.ThrowsAsync<SearchNotFoundException>(() => client.GetArticleAsync("museum"));
    }

    /// <summary>Articles compared by value, their tag lists included (records compare lists by reference).</summary>
    private sealed class ArticleComparer : IEqualityComparer<Article>
    {
        public static readonly ArticleComparer Instance = new();

        public bool Equals(Article? x, Article? y) =>
            x is not null && y is not null && x with { Tags = [] } == y with { Tags = [] } && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(Article obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
