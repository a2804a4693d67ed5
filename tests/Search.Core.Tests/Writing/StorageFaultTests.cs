using System.Diagnostics;
using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

/// <summary>
/// The index folder failing while the store runs (<see cref="FaultyDirectory"/>: a full disk, a folder turned read-only)
/// and working again: writes are refused and never acknowledged while it fails, searches go on, and writes resume
/// without a restart, every acknowledged one kept and the index clean. The log is on storage that works, as in the
/// service until the fault reaches it too; a log that cannot append refuses the write itself (<see cref="DiskFullTests"/>).
/// </summary>
public sealed class StorageFaultTests
{
    private static readonly IndexFollowerOptions Quick = new()
    {
        CommitInterval = TimeSpan.FromMilliseconds(100),
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [Theory]
    [InlineData("disk full")]
    [InlineData("read-only")]
    public async Task A_storage_fault_refuses_writes_keeps_searches_and_writes_resume_by_themselves_once_it_clears(string fault)
    {
        using var temp = new TempDirectory();
        var path = temp.File("index");
        var directory = new FaultyDirectory(new PositionalReadDirectory(path));
        var acknowledged = new List<string>();
        var unacknowledged = new List<string>();
        var index = NewsIndex.InDirectory(directory, new NewsIndexOptions(path) { RamBufferMb = 1 });
        await using (var store = ArticleStore.OpenLocal(index, temp.File("translog"), Quick))
        {
            for (var i = 0; i < 10; i++)
            {
                await store.WriteAsync([Upsert($"a{i}")], WriteVisibility.WaitForSearch);
                acknowledged.Add($"a{i}");
            }

            directory.Failing = fault == "disk full" ? FaultyDirectory.DiskFull : FaultyDirectory.ReadOnly;

            // A write the log takes is durable and may be acknowledged, until one meets the index's storage (a flush,
            // a refresh or a commit); from then on every write is refused.
            for (var i = 10; store.StorageFault is null; i++)
            {
                Assert.True(i < 500, "the fault was never noticed");
                try
                {
                    await store.WriteAsync([Upsert($"a{i}")]);
                    acknowledged.Add($"a{i}");
                }
                catch (IOException)
                {
                    unacknowledged.Add($"a{i}");
                }
            }

            var logged = store.Statistics().Log.LastSequence;
            var refused = await Assert.ThrowsAsync<StorageFaultException>(() => store.WriteAsync([Upsert("refused")]));
            Assert.Equal(logged, store.Statistics().Log.LastSequence);
            Assert.True(refused.Fault.RetryAfter > TimeSpan.Zero);
            Assert.IsType(fault == "disk full" ? typeof(IOException) : typeof(UnauthorizedAccessException), refused.InnerException);
            Assert.Throws<StorageFaultException>(() => store.Snapshot(temp.File("snapshot")));
            Assert.False(Directory.Exists(temp.File("snapshot")));

            // Searches answer from the last state refreshed before the fault.
            Assert.InRange(index.Search(new SearchRequest("خبر")).Total, 10, acknowledged.Count);
            Assert.Null(store.Fault);

            directory.Failing = null;
            await WriteOnceAcceptedAsync(store, "after");
            acknowledged.Add("after");
            Assert.Null(store.StorageFault);
            Assert.Null(store.Fault);
            Assert.All(acknowledged, id => Assert.NotNull(index.Find(id)));
            Assert.Null(index.Find("refused"));
            Assert.InRange(index.Search(new SearchRequest("خبر")).Total, acknowledged.Count, acknowledged.Count + unacknowledged.Count);

            // Snapshots work again, and copy everything acknowledged.
            var snapshot = store.Snapshot(temp.File("snapshot"));
            using var copy = NewsIndex.Open(new NewsIndexOptions(snapshot.Folder) { MaxRefreshDelay = null });
            Assert.All(acknowledged, id => Assert.NotNull(copy.Find(id)));
        }

        index.Dispose();
        AssertCleanWith(path, acknowledged, unacknowledged);
    }

    [Fact]
    public async Task Faults_that_come_and_go_under_concurrent_writers_never_lose_an_acknowledged_write()
    {
        using var temp = new TempDirectory();
        var path = temp.File("index");
        var directory = new FaultyDirectory(new PositionalReadDirectory(path));
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var unacknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var index = NewsIndex.InDirectory(directory, new NewsIndexOptions(path) { RamBufferMb = 1 });
        await using (var store = ArticleStore.OpenLocal(index, temp.File("translog"), Quick))
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"w{w}-{i}";
                    try
                    {
                        await store.WriteAsync([Upsert(id)], i % 3 == 0 ? WriteVisibility.WaitForSearch : WriteVisibility.Default);
                        acknowledged.Add(id);
                    }
                    catch (IOException)
                    {
                        unacknowledged.Add(id);
                        await Task.Delay(5);
                    }
                }
            })).ToList();

            // The fault comes and goes at random moments: mid-flush, mid-commit, mid-merge, mid-recovery.
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                directory.Failing = random.Next(3) switch
                {
                    0 => FaultyDirectory.DiskFull,
                    1 => FaultyDirectory.ReadOnly,
                    _ => null,
                };
                await Task.Delay(random.Next(20, 300));
            }

            directory.Failing = null;
            await Task.WhenAll(writers);
            await WriteOnceAcceptedAsync(store, "after");
            acknowledged.Add("after");
            Assert.True(directory.Refused > 0, "no fault was met");
            Assert.Null(store.Fault);
            Assert.All(acknowledged, id => Assert.NotNull(index.Find(id)));
        }

        index.Dispose();
        AssertCleanWith(path, [.. acknowledged], [.. unacknowledged]);
    }

    [Fact]
    public async Task A_fault_that_outlasts_several_tries_is_tried_again_with_a_growing_pause()
    {
        using var temp = new TempDirectory();
        var path = temp.File("index");
        var directory = new FaultyDirectory(new PositionalReadDirectory(path));
        using var index = NewsIndex.InDirectory(directory, new NewsIndexOptions(path));
        await using var store = ArticleStore.OpenLocal(index, temp.File("translog"), Quick);
        await store.WriteAsync([Upsert("first")]);

        directory.Failing = FaultyDirectory.DiskFull;
        var clock = Stopwatch.StartNew();
        while (store.StorageFault is not { } fault || fault.RetryAfter < Quick.RetryDelay * 8)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the pause did not grow: {store.StorageFault}");
            await Task.Delay(20);
        }

        var since = store.StorageFault.Since;
        directory.Failing = null;
        await WriteOnceAcceptedAsync(store, "after");
        Assert.True(since <= DateTimeOffset.UtcNow);
        Assert.NotNull(index.Find("first"));
    }

    [Fact]
    public async Task Merges_that_fail_leave_writes_acknowledged_and_the_index_clean_and_merge_once_storage_works()
    {
        using var temp = new TempDirectory();
        var path = temp.File("index");
        var directory = new FaultyDirectory(new PositionalReadDirectory(path)) { OnlyMerges = true, Failing = FaultyDirectory.DiskFull };
        var acknowledged = new List<string>();
        var index = NewsIndex.InDirectory(directory, new NewsIndexOptions(path));
        await using (var store = ArticleStore.OpenLocal(index, temp.File("translog"), Quick))
        {
            for (var i = 0; i < 30; i++)
            {
                // Each a segment of its own, so merges are due.
                await store.WriteAsync([Upsert($"a{i}")], WriteVisibility.WaitForSearch);
                acknowledged.Add($"a{i}");
            }

            // Also when a merge the writes had started takes the forced merge's place and fails unreported to it (a
            // clean-clone CI run met that once, before Optimize asked twice).
            Assert.ThrowsAny<IOException>(() => index.Optimize());
            Assert.Null(store.StorageFault);
            Assert.True(index.Statistics().Segments > 1);

            directory.Failing = null;
            index.Optimize();
            await store.WriteAsync([Upsert("after")], WriteVisibility.WaitForSearch);
            acknowledged.Add("after");
            Assert.Equal(acknowledged.Count, index.Search(new SearchRequest("خبر")).Total);
        }

        index.Dispose();
        AssertCleanWith(path, acknowledged, []);
    }

    [Fact]
    public async Task A_writer_that_refuses_every_commit_stops_writes_with_the_reason_and_a_restart_keeps_every_acknowledged_write()
    {
        using var temp = new TempDirectory();
        var path = temp.File("index");
        var directory = new FaultyDirectory(new PositionalReadDirectory(path));
        var acknowledged = new List<string>();
        var index = NewsIndex.InDirectory(directory, new NewsIndexOptions(path));
        await using (var store = ArticleStore.OpenLocal(index, temp.File("translog"), Quick))
        {
            await store.WriteAsync([Upsert("before")], WriteVisibility.WaitForSearch);
            acknowledged.Add("before");

            // Lucene.Net 4.8's writer refuses every commit after an OutOfMemoryException, whatever the storage does.
            directory.OnlySyncs = true;
            directory.Failing = _ => new OutOfMemoryException("simulated");
            try
            {
                await store.WriteAsync([Upsert("logged")]);
            }
            catch (InvalidOperationException)
            {
                // The commit loop met the stopped writer before the write was applied: it is in the log all the same
                // (the append returned), so the restart below must apply it either way.
            }

            acknowledged.Add("logged");
            Assert.True(SpinWait.SpinUntil(() => store.Fault is not null, TimeSpan.FromSeconds(10)), "the stopped writer went unseen");
            directory.Failing = null;

            Assert.Null(store.StorageFault);
            Assert.IsType<WriterStoppedException>(store.Fault);
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync([Upsert("refused")]));
            Assert.NotNull(index.Find("before"));
        }

        index.Dispose();
        using (var reopened = NewsIndex.Open(new NewsIndexOptions(path) { MaxRefreshDelay = null }))
        {
            await using var store = ArticleStore.OpenLocal(reopened, temp.File("translog"));
            await store.CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
            reopened.Refresh();
            Assert.All(acknowledged, id => Assert.NotNull(reopened.Find(id)));
            Assert.Null(reopened.Find("refused"));
        }

        AssertCleanWith(path, acknowledged, []);
    }

    /// <summary>Sends the write until the store takes it, as a client told to retry does.</summary>
    private static async Task WriteOnceAcceptedAsync(ArticleStore store, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await store.WriteAsync([Upsert(id)], WriteVisibility.WaitForSearch).WaitAsync(TimeSpan.FromSeconds(30));
                return;
            }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Lucene's CheckIndex finds the folder's last commit clean, and the index reopened from it holds every
    /// acknowledged article, and nothing but those and the ones whose writer was not told either way.</summary>
    private static void AssertCleanWith(string path, List<string> acknowledged, List<string> unacknowledged)
    {
        using (var directory = new PositionalReadDirectory(path))
        {
            Assert.True(new CheckIndex(directory).DoCheckIndex().Clean);
        }

        using var reopened = NewsIndex.Open(new NewsIndexOptions(path) { MaxRefreshDelay = null });
        Assert.All(acknowledged, id => Assert.NotNull(reopened.Find(id)));
        Assert.InRange(reopened.Count, acknowledged.Count, acknowledged.Count + unacknowledged.Count);
    }

    private static ArticleChange Upsert(string id) =>
        ArticleChange.Upsert(TestCorpus.Article(id, $"خبر {id}", string.Concat(Enumerable.Repeat($"نص {id} طويل بعض الشيء ", 800))));
}
