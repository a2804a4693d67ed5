using Microsoft.Extensions.Logging;
using Search.Core.DropFolder;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Tests.Feeds;
using Search.Core.Writing;

namespace Search.Core.Tests.DropFolder;

/// <summary>A file read again after a kill resumes after the batches it saved as written, so API writes made since
/// to those ids keep their newer version.</summary>
public sealed class DropFileIndexerTests : IDisposable
{
    private static readonly IndexFollowerOptions NoTimedCommits = new() { CommitInterval = TimeSpan.FromHours(1) };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("drop-progress-");

    public DropFileIndexerTests() => Drop = Directory.CreateDirectory(Path.Combine(_root.FullName, "drop")).FullName;

    private string Drop { get; }

    public void Dispose() => _root.Delete(recursive: true);

    private DropFolderOptions Options => new(Drop) { SettleTime = TimeSpan.FromMilliseconds(100), RetryDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task A_file_interrupted_after_a_batch_resumes_after_it_and_an_api_write_made_meanwhile_keeps_its_version()
    {
        var path = WriteFile("news.jsonl", Enumerable.Range(0, 1_200).Select(i => Line($"id-{i}", $"خبر رقم {i} من الملف")));
        using var kill = new CancellationTokenSource();
        await using var store = Open(kill);

        // The first batch (500 records) is written, then the service stops before the second.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DropFileIndexer(store.Articles, new ArticleSources()).IndexAsync(path, kill.Token));
        Assert.Equal("خبر رقم 499 من الملف", store.Index.Find("id-499")?.Title);
        Assert.Null(store.Index.Find("id-500"));
        await store.Articles.WriteAsync([Upsert("id-7", "تحديث من الواجهة بعد الدفعة الأولى")]);

        var outcomes = new List<DropFileOutcome>();
        var done = Path.Combine(Drop, ".done", "news.jsonl");
        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, new DropFileIndexer(store.Articles, new ArticleSources()).IndexAsync, outcomes.Add), () => File.Exists(done));

        Assert.Equal("تحديث من الواجهة بعد الدفعة الأولى", store.Index.Find("id-7")?.Title);
        Assert.Equal("خبر رقم 1199 من الملف", store.Index.Find("id-1199")?.Title);
        Assert.All(Enumerable.Range(0, 1_200), i => Assert.NotNull(store.Index.Find($"id-{i}")));
        var outcome = Assert.Single(outcomes);
        Assert.Equal(1_200, outcome.Indexed);
        Assert.False(File.Exists(DropFileProgress.PathFor(path)));
    }

    [Fact]
    public async Task Progress_saved_for_another_file_under_the_same_name_is_ignored_and_the_whole_file_written()
    {
        var path = WriteFile("news.jsonl", [Line("a", "الملف القديم"), Line("b", "الملف القديم")]);
        new DropFileProgress(DropFileStamp.Of(path)!.Value, 2).Save(path);
        File.Delete(path);
        WriteFile("news.jsonl", [Line("a", "الملف الجديد"), Line("b", "الملف الجديد"), Line("c", "الملف الجديد")]);
        await using var store = Open();
        await store.Articles.WriteAsync([Upsert("a", "نسخة سابقة")]);

        var report = await new DropFileIndexer(store.Articles, new ArticleSources()).IndexAsync(path, CancellationToken.None);

        Assert.Equal(3, report.Indexed);
        Assert.All(["a", "b", "c"], id => Assert.Equal("الملف الجديد", store.Index.Find(id)?.Title));
        Assert.Equal(new DropFileProgress(DropFileStamp.Of(path)!.Value, 3), DropFileProgress.Read(path));
    }

    [Theory]
    [InlineData("{\"Stamp\": {\"Identity\": \"f1:2:3\", \"Len")]
    [InlineData("{}")]
    [InlineData("{\"Stamp\": null, \"Records\": 2}")]
    [InlineData("{\"Stamp\": {\"Identity\": \"f1:2:3\", \"Length\": 10, \"LastWriteTimeUtc\": \"2025-01-01T00:00:00Z\", \"IsLink\": false}, \"Records\": -1}")]
    [InlineData("\0\0\0\0")]
    public async Task A_corrupt_progress_record_is_logged_and_ignored_and_the_whole_file_written(string corrupt)
    {
        var path = WriteFile("news.jsonl", [Line("a", "من الملف"), Line("b", "من الملف")]);
        Directory.CreateDirectory(Path.GetDirectoryName(DropFileProgress.PathFor(path))!);
        File.WriteAllText(DropFileProgress.PathFor(path), corrupt);
        await using var store = Open();
        await store.Articles.WriteAsync([Upsert("a", "نسخة سابقة")]);
        var logger = new RecordingLogger<DropFileIndexer>();

        var report = await new DropFileIndexer(store.Articles, new ArticleSources(), logger).IndexAsync(path, CancellationToken.None);

        Assert.Equal(2, report.Indexed);
        Assert.Equal("من الملف", store.Index.Find("a")?.Title);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Equal(2, DropFileProgress.Read(path)?.Records);
    }

    [Fact]
    public async Task Skipped_records_still_report_their_problems_and_the_progress_goes_once_the_file_is_done()
    {
        var path = WriteFile("news.jsonl", [Line("a", "من الملف"), "{not json", Line("b", "من الملف")]);
        new DropFileProgress(DropFileStamp.Of(path)!.Value, 2).Save(path);
        await using var store = Open();
        await store.Articles.WriteAsync([Upsert("a", "تحديث من الواجهة")]);
        var outcomes = new List<DropFileOutcome>();
        var done = Path.Combine(Drop, ".done", "news.jsonl");

        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, new DropFileIndexer(store.Articles, new ArticleSources()).IndexAsync, outcomes.Add), () => File.Exists(done));

        Assert.Equal("تحديث من الواجهة", store.Index.Find("a")?.Title);
        Assert.Equal("من الملف", store.Index.Find("b")?.Title);
        var outcome = Assert.Single(outcomes);
        Assert.Equal(2, outcome.Indexed);
        Assert.StartsWith($"{path}:2: ", File.ReadAllText(done + ".error.txt"), StringComparison.Ordinal);
        Assert.False(File.Exists(DropFileProgress.PathFor(path)));
        Assert.Empty(Directory.GetFiles(Path.Combine(Drop, DropFolderOptions.ProgressFolderName)));
    }

    [Fact]
    public async Task A_progress_folder_that_is_a_link_is_not_written_through_and_the_file_is_indexed_anyway()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_root.FullName, "outside"));
        File.WriteAllText(Path.Combine(outside.FullName, "gone.jsonl.json"), "not ours");
        Directory.CreateSymbolicLink(Path.Combine(Drop, DropFolderOptions.ProgressFolderName), outside.FullName);
        var path = WriteFile("news.jsonl", [Line("a", "من الملف")]);
        await using var store = Open();
        var done = Path.Combine(Drop, ".done", "news.jsonl");

        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, new DropFileIndexer(store.Articles, new ArticleSources()).IndexAsync), () => File.Exists(done));

        Assert.Equal("من الملف", store.Index.Find("a")?.Title);
        Assert.Equal(["gone.jsonl.json"], outside.GetFiles().Select(file => file.Name));
    }

    private string WriteFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Drop, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Line(string id, string title) => $$"""{"id": "{{id}}", "title": "{{title}}"}""";

    private static ArticleChange Upsert(string id, string title) => ArticleChange.Upsert(new Documents.NewsArticle { Id = id, Title = title });

    /// <param name="killAfterFirstWrite">Cancelled once the first write is durable, as a service stopping then would be.</param>
    private TestStore Open(CancellationTokenSource? killAfterFirstWrite = null)
    {
        var folder = Path.Combine(_root.FullName, "index");
        var index = NewsIndex.Open(new NewsIndexOptions(folder));
        IArticleLog log = FileArticleLog.Open(Path.Combine(folder, "translog"), index.CommittedSequence);
        if (killAfterFirstWrite is not null)
        {
            log = new StoppingLog(log, killAfterFirstWrite);
        }

        return new TestStore(index, new ArticleStore(index, log, IndexFollower.Start(index, log, NoTimedCommits)));
    }

    /// <summary>A store and the index it writes, disposed in that order as the service's container does.</summary>
    private sealed class TestStore(NewsIndex index, ArticleStore articles) : IAsyncDisposable
    {
        public NewsIndex Index => index;

        public ArticleStore Articles => articles;

        public async ValueTask DisposeAsync()
        {
            await articles.DisposeAsync();
            index.Dispose();
        }
    }

    /// <summary>The log, telling the service to stop once its first append is durable.</summary>
    private sealed class StoppingLog(IArticleLog inner, CancellationTokenSource stop) : IArticleLog
    {
        public async Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellationToken = default)
        {
            var appended = await inner.AppendAsync(changes, cancellationToken);
            await stop.CancelAsync();
            return appended;
        }

        public IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, CancellationToken cancellationToken) =>
            inner.FollowAsync(afterSequence, cancellationToken);

        public void Checkpoint(long sequence) => inner.Checkpoint(sequence);

        public ArticleLogStatistics Statistics() => inner.Statistics();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
