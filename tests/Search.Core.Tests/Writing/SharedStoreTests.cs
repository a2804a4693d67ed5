using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

/// <summary>A node of a shared store (<see cref="ArticleStore.OpenShared"/>): an empty index loads the store's snapshot
/// and follows the log after it; one that held articles resumes from its commit; writes are acknowledged on the
/// log's word.</summary>
public sealed class SharedStoreTests
{
    private static readonly IndexFollowerOptions Options = new() { CommitInterval = TimeSpan.FromHours(1), RetryDelay = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task An_empty_index_loads_the_snapshot_and_then_follows_only_the_changes_after_it()
    {
        using var temp = new TempDirectory();
        var changes = FileArticleLog.Open(temp.File("log"), committedSequence: 0);

        // Positions 1-2 are in the snapshot already; their own content must not be applied over it.
        await changes.AppendAsync([Upsert("log-only", "خبر من السجل"), Upsert("shared", "نسخة قديمة")]);
        var log = new ScriptedSharedLog(changes, snapshotSequence: 2, [(TestCorpus.Article("snapshot-only", "خبر من اللقطة"), 1), (TestCorpus.Article("shared", "نسخة اللقطة"), 2)]);
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);

        var written = await store.WriteAsync([Upsert("after", "خبر بعد اللقطة")], WriteVisibility.WaitForSearch);

        Assert.Equal(new SequenceRange(3, 3), written.Sequences);
        Assert.False(store.Bootstrapping);
        Assert.Equal((2L, 2L), store.BootstrapProgress);
        Assert.Null(index.Find("log-only"));
        Assert.Equal("نسخة اللقطة", index.Find("shared")?.Title);
        Assert.NotNull(index.Find("snapshot-only"));
        Assert.NotNull(index.Find("after"));
        Assert.Equal(IndexChecksum.Of([("snapshot-only", 1L), ("shared", 2L), ("after", 3L)]), index.Checksum());

        // Empty at open, so its first warm-up searched nothing: it warms again on what it loaded.
        await index.Warmed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(index.WarmupRequests > 0, "the loaded index was not warmed");
        Assert.False(Directory.Exists(temp.File("bootstrap")));
    }

    [Fact]
    public async Task A_snapshot_that_fails_partway_is_loaded_again_whole()
    {
        using var temp = new TempDirectory();
        var articles = Enumerable.Range(0, 20).Select(i => (TestCorpus.Article($"a-{i}", "خبر"), (long)i + 1)).ToList();
        var log = new ScriptedSharedLog(FileArticleLog.Open(temp.File("log"), committedSequence: 20), snapshotSequence: 20, articles) { FailingSnapshots = 2 };
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);

        await store.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30));

        index.Refresh();
        Assert.False(store.Bootstrapping);
        Assert.Equal(3, log.SnapshotsOpened);
        Assert.Equal(20, index.Count);
        Assert.Equal(20, index.CommittedSequence);
    }

    [Fact]
    public async Task An_index_that_holds_articles_resumes_from_its_commit_without_loading_the_snapshot()
    {
        using var temp = new TempDirectory();
        using (var earlier = NewsIndex.Open(new NewsIndexOptions(temp.File("index"))))
        {
            earlier.RecordLogIdentity("scripted-store");
            earlier.Upsert(TestCorpus.Article("kept", "خبر محفوظ"), version: 1);
            earlier.Commit(sequence: 1);
        }

        var changes = FileArticleLog.Open(temp.File("log"), committedSequence: 0);
        await changes.AppendAsync([Upsert("kept", "خبر محفوظ"), Upsert("next", "خبر تال")]);
        var log = new ScriptedSharedLog(changes, snapshotSequence: 2, [(TestCorpus.Article("snapshot-only", "لا يحمل"), 1)]);
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);

        Assert.False(store.Bootstrapping);
        await store.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, log.SnapshotsOpened);
        Assert.NotNull(index.Find("next"));
        Assert.Null(index.Find("snapshot-only"));
    }

    [Theory]
    [InlineData(1, true)] // articles written by the local store, or followed before indexes named their log
    [InlineData(0, true)] // built by search-indexer from files: articles, no position
    [InlineData(1, false)] // a history whose articles were all deleted
    public async Task An_index_with_a_history_that_names_no_log_follows_nothing_rather_than_mix_it_with_this_one(long sequence, bool withArticle)
    {
        using var temp = new TempDirectory();
        using (var earlier = NewsIndex.Open(new NewsIndexOptions(temp.File("index"))))
        {
            if (withArticle)
            {
                earlier.Upsert(TestCorpus.Article("elsewhere", "خبر من مكان آخر"), version: 1);
            }

            earlier.Commit(sequence);
        }

        var changes = FileArticleLog.Open(temp.File("log"), committedSequence: 0);
        await changes.AppendAsync([Upsert("first", "أول خبر في قاعدة البيانات"), Upsert("second", "خبر ثان")]);
        var log = new ScriptedSharedLog(changes, snapshotSequence: 2, []);
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);

        var fault = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => store.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.IsType<ForeignLogException>(fault.InnerException ?? fault);
        Assert.Contains("names no database", (fault.InnerException ?? fault).Message, StringComparison.Ordinal);
        Assert.Null(index.Find("first"));
        Assert.Null(index.Find("second"));
        Assert.Null(index.LogIdentity);
    }

    [Fact]
    public async Task A_write_the_log_reports_on_is_acknowledged_without_waiting_for_this_node_and_wait_for_waits()
    {
        using var temp = new TempDirectory();
        var log = new ScriptedSharedLog(FileArticleLog.Open(temp.File("log"), committedSequence: 0), snapshotSequence: 0, []) { HoldFollowing = true };
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);

        var acknowledged = await store.WriteAsync([Upsert("a", "افتتاح متحف")]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([ChangeOutcome.Created], acknowledged.Outcomes);
        Assert.Null(index.Find("a"));

        var waiting = store.WriteAsync([Upsert("b", "معرض للكتاب")], WriteVisibility.WaitForSearch);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, waiting.Exception?.ToString());
        log.ReleaseFollowing();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, index.Search(new SearchRequest("الكتاب")).Total);
        Assert.Equal(new ReplicationLag(2, 0, TimeSpan.Zero), await store.LagAsync());
    }

    [Fact]
    public async Task A_reindex_rebuilds_from_the_stores_table_and_keeps_the_changes_after_its_snapshot()
    {
        using var temp = new TempDirectory();
        var log = new ScriptedSharedLog(FileArticleLog.Open(temp.File("log"), committedSequence: 0), snapshotSequence: 0, []);
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenShared(index, log, temp.File("bootstrap"), Options);
        await store.WriteAsync([Upsert("a", "عنوان قديم"), Upsert("b", "خبر")], WriteVisibility.WaitForSearch);

        // The table is the truth: it holds "a" as corrected, and "only-in-table", which this node never applied.
        log.Replace(2, [(TestCorpus.Article("a", "عنوان مصحح"), 1), (TestCorpus.Article("b", "خبر"), 2), (TestCorpus.Article("only-in-table", "خبر من الجدول"), 2)]);
        var result = await store.ReindexAsync(null, temp.File("work"));
        await store.WriteAsync([Upsert("c", "خبر لاحق")], WriteVisibility.WaitForSearch);

        Assert.Equal(3, result.Imported);
        Assert.Equal("عنوان مصحح", index.Find("a")?.Title);
        Assert.NotNull(index.Find("only-in-table"));
        Assert.NotNull(index.Find("c"));
        Assert.Equal(4, index.Count);
    }

    private static ArticleChange Upsert(string id, string title) => FileArticleLogTests.Upsert(id, title);
}
