using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

public sealed class ArticleStoreTests
{
    private static readonly IndexFollowerOptions NoTimedCommits = new() { CommitInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Each_change_reports_what_it_did_and_a_read_by_id_sees_it_at_once()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out _);

        var created = await store.WriteAsync([Upsert("a", "افتتاح متحف الفن الحديث"), Upsert("b", "معرض للكتاب")]);
        Assert.Equal([ChangeOutcome.Created, ChangeOutcome.Created], created.Outcomes);
        Assert.Equal("افتتاح متحف الفن الحديث", store.Index.Find("a")?.Title);

        var changed = await store.WriteAsync([Upsert("a", "إغلاق متحف الفن الحديث"), ArticleChange.Delete("b"), ArticleChange.Delete("never")]);
        Assert.Equal([ChangeOutcome.Updated, ChangeOutcome.Deleted, ChangeOutcome.NotFound], changed.Outcomes);
        Assert.Equal("إغلاق متحف الفن الحديث", store.Index.Find("a")?.Title);
        Assert.Null(store.Index.Find("b"));
    }

    [Fact]
    public async Task Waiting_for_search_returns_once_searches_see_the_write()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out _);

        await store.WriteAsync([Upsert("museum", "افتتاح متحف الفن الحديث")], WriteVisibility.WaitForSearch);
        Assert.Equal("museum", Assert.Single(store.Index.Search(new SearchRequest("المتحف")).Hits).Id);

        await store.WriteAsync([ArticleChange.Delete("museum")], WriteVisibility.WaitForSearch);
        Assert.Empty(store.Index.Search(new SearchRequest("المتحف")).Hits);
    }

    [Fact]
    public async Task Changes_to_one_id_keep_their_order_within_a_batch_applied_in_parallel()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out _, new IndexFollowerOptions { ApplyThreads = 4, CommitInterval = TimeSpan.FromHours(1) });
        var changes = Enumerable.Range(0, 50).SelectMany(i => new[] { Upsert($"id-{i % 5}", $"نسخة {i}"), Upsert($"other-{i}", "خبر") }).ToList();
        changes.Add(ArticleChange.Delete("id-4"));

        await store.WriteAsync(changes, WriteVisibility.WaitForSearch);

        for (var id = 0; id < 4; id++)
        {
            Assert.Equal($"نسخة {45 + id}", store.Index.Find($"id-{id}")?.Title);
        }

        Assert.Null(store.Index.Find("id-4"));
        Assert.Equal(54, store.Index.Count);
    }

    [Fact]
    public async Task Acknowledged_writes_that_no_commit_holds_are_replayed_from_the_log_after_a_crash()
    {
        using var temp = new TempDirectory();
        await using (var store = Open(temp, out _))
        {
            await store.WriteAsync([Upsert("kept", "افتتاح متحف"), Upsert("gone", "معرض للكتاب")]);
            store.Snapshot(temp.File("committed-copy")); // commits up to here
            await store.WriteAsync([Upsert("kept", "افتتاح متحف الفن"), ArticleChange.Delete("gone"), Upsert("late", "سباق الخيول")]);

            // The files as a crash would leave them: the last commit and the log, with nothing flushed at shutdown.
            CopyFolder(temp.File("index"), temp.File("crashed"));
            Assert.Equal(2, store.Statistics().CommittedSequence);
        }

        await using var recovered = Open(temp, out var index, folder: "crashed");
        Assert.Equal(2, index.CommittedSequence);
        await recovered.CaughtUpAsync();
        index.Refresh();
        Assert.Equal("افتتاح متحف الفن", index.Find("kept")?.Title);
        Assert.Null(index.Find("gone"));
        Assert.Equal("سباق الخيول", index.Find("late")?.Title);
        Assert.Equal(2, index.Count);
        Assert.Equal(5, recovered.Statistics().AppliedSequence);
    }

    [Fact]
    public async Task A_clean_shutdown_commits_so_a_restart_replays_nothing_and_the_log_is_emptied()
    {
        using var temp = new TempDirectory();
        await using (var store = Open(temp, out _))
        {
            await store.WriteAsync([Upsert("a", "أ"), Upsert("b", "ب")]);
        }

        await using var reopened = Open(temp, out var index);
        Assert.Equal(2, index.CommittedSequence);
        Assert.Equal(2, index.Count);
        var statistics = reopened.Statistics();
        Assert.Equal(0, statistics.PendingChanges);
        Assert.Equal(2, statistics.Log.CheckpointSequence);
        Assert.Equal(new SequenceRange(3, 3), (await reopened.WriteAsync([Upsert("c", "ج")])).Sequences);
    }

    [Fact]
    public async Task A_snapshot_taken_while_writes_go_on_is_an_index_that_opens_with_everything_acknowledged_before_it()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out _);
        await store.WriteAsync([.. Enumerable.Range(0, 100).Select(i => Upsert($"before-{i}", "خبر قديم"))]);
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await store.WriteAsync([Upsert($"during-{i}", "خبر جديد")]);
            }
        });

        var snapshot = store.Snapshot(temp.File("snapshot"));
        await writing;

        Assert.True(snapshot.Files > 0);
        Assert.True(snapshot.Sequence >= 100);
        using var restored = NewsIndex.Open(new NewsIndexOptions(temp.File("snapshot")));
        Assert.All(Enumerable.Range(0, 100), i => Assert.NotNull(restored.Find($"before-{i}")));
        Assert.Equal(snapshot.Sequence, restored.CommittedSequence);
    }

    [Fact]
    public async Task Statistics_count_articles_deletions_and_the_commit()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out var index);
        await store.WriteAsync([Upsert("a", "أ"), Upsert("b", "ب"), Upsert("a", "أ ٢")], WriteVisibility.WaitForSearch);
        store.Snapshot(temp.File("snap"));

        var statistics = index.Statistics();
        Assert.Equal(2, statistics.Articles);
        Assert.Equal(3, statistics.CommittedSequence);
        Assert.NotNull(statistics.LastCommitAt);
        Assert.True(statistics.BytesOnDisk > 0);
        Assert.True(statistics.Segments >= 1);
    }

    [Fact]
    public async Task A_reindex_switches_atomically_while_searches_and_writes_go_on_and_keeps_every_write_made_meanwhile()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out var index);
        await store.WriteAsync([.. Enumerable.Range(0, 300).Select(i => Upsert($"old-{i}", $"مباراة كرة القدم رقم {i}"))], WriteVisibility.WaitForSearch);

        using var stop = new CancellationTokenSource();
        var lowest = int.MaxValue;
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                lowest = Math.Min(lowest, index.Search(new SearchRequest("مباراة") { PageSize = 1 }).Total);
            }
        });
        var acknowledged = new List<string>();
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 300 && !stop.IsCancellationRequested; i++)
            {
                await store.WriteAsync([Upsert($"new-{i}", $"مباراة جديدة رقم {i}"), ArticleChange.Delete($"old-{i}")]);
                lock (acknowledged)
                {
                    acknowledged.Add($"new-{i}");
                }
            }
        });

        var result = await store.ReindexAsync(source: null, temp.File(Path.Combine("index", "reindex")));
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(searching, writing);

        index.Refresh();
        Assert.True(result.Imported >= 300 - acknowledged.Count, $"imported {result.Imported}");
        Assert.True(lowest >= 300, $"a search saw {lowest} matches during the switch");
        Assert.All(acknowledged, id => Assert.NotNull(index.Find(id)));
        Assert.All(Enumerable.Range(0, acknowledged.Count), i => Assert.Null(index.Find($"old-{i}")));
        Assert.Equal(300, index.Count);
        Assert.False(Directory.Exists(temp.File(Path.Combine("index", "reindex"))));
    }

    [Fact]
    public async Task A_reindex_from_a_source_makes_the_source_the_collection_plus_the_writes_made_during_it()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out var index);
        await store.WriteAsync([Upsert("only-in-index", "خبر قديم"), Upsert("both", "نسخة قديمة")], WriteVisibility.WaitForSearch);

        var source = new[] { IngestResult.Of(TestCorpus.Article("both", "نسخة المصدر")), IngestResult.Of(TestCorpus.Article("from-source", "خبر من المصدر")) };
        var result = await store.ReindexAsync(source, temp.File("work"));

        Assert.Equal(2, result.Imported);
        Assert.Null(index.Find("only-in-index"));
        Assert.Equal("نسخة المصدر", index.Find("both")?.Title);
        Assert.Equal(2, index.Search(new SearchRequest("خبر OR نسخة")).Total);
        await store.DisposeAsync();
        using var reopened = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public async Task A_reindex_from_a_source_that_gives_no_article_is_refused_and_leaves_the_index_as_it_was()
    {
        using var temp = new TempDirectory();
        await using var store = Open(temp, out var index);
        await store.WriteAsync([Upsert("kept", "خبر يبقى")], WriteVisibility.WaitForSearch);

        var refused = await Assert.ThrowsAsync<EmptyReindexSourceException>(() => store.ReindexAsync([IngestResult.Failed("notes.bin", null, "unsupported file type")], temp.File("work")));

        Assert.Equal(1, refused.Skipped);
        Assert.Equal("خبر يبقى", index.Find("kept")?.Title);
        Assert.Equal(1, index.Search(new SearchRequest("خبر")).Total);
        Assert.False(Directory.Exists(temp.File("work")));

        // A reindex that works still can.
        Assert.Equal(1, (await store.ReindexAsync(source: null, temp.File("work"))).Imported);
    }

    private static StoreOnDisk Open(TempDirectory temp, out NewsIndex index, IndexFollowerOptions? options = null, string folder = "index")
    {
        var path = temp.File(folder);
        index = NewsIndex.Open(new NewsIndexOptions(path));
        return new StoreOnDisk(index, ArticleStore.OpenLocal(index, Path.Combine(path, "translog"), options ?? NoTimedCommits));
    }

    private static ArticleChange Upsert(string id, string title) => FileArticleLogTests.Upsert(id, title);

    /// <summary>A store and the index it writes, disposed in that order as the service's container does.</summary>
    private sealed class StoreOnDisk(NewsIndex index, ArticleStore store) : IAsyncDisposable
    {
        public NewsIndex Index => index;

        public Task<WriteReceipt> WriteAsync(IReadOnlyList<ArticleChange> changes, WriteVisibility visibility = WriteVisibility.Default) =>
            store.WriteAsync(changes, visibility);

        public Task CaughtUpAsync() => store.CaughtUpAsync();

        public IndexSnapshotInfo Snapshot(string folder) => store.Snapshot(folder);

        public WriteStatistics Statistics() => store.Statistics();

        public Task<ReindexResult> ReindexAsync(IEnumerable<IngestResult>? source, string workFolder) => store.ReindexAsync(source, workFolder);

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            index.Dispose();
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == "process.lock")
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
