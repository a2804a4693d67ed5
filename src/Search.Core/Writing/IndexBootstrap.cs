using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Search.Core.Indexing;

namespace Search.Core.Writing;

/// <summary>
/// Fills an empty index from an <see cref="ISharedArticleLog"/>'s snapshot: the articles are built into a separate
/// folder and swapped in with one commit recording the snapshot's position, so a crash or a lost connection midway
/// leaves the live index empty and the next attempt starts over, never a partial index that looks complete.
/// </summary>
internal sealed partial class IndexBootstrap(NewsIndex index, ISharedArticleLog log, string workFolder, ILogger logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private long _loaded;
    private long _total;

    /// <summary>Articles loaded so far and how many the snapshot holds (0 of 0 before it opens).</summary>
    public (long Loaded, long Total) Progress => (Interlocked.Read(ref _loaded), Interlocked.Read(ref _total));

    /// <returns>The position the index now holds everything up to.</returns>
    public async Task<long> RunAsync(int threads, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var snapshot = await log.OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _total, snapshot.Count);
        LogStarted(snapshot.Count, snapshot.Sequence);
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }

        var lastReport = TimeSpan.Zero;
        var progress = new ProgressReport(this, done =>
        {
            if (clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                LogProgress(done.Indexed, snapshot.Count, done.DocsPerSecond);
            }
        });

        ImportProgress imported;
        using (var fresh = NewsIndex.Open(NewsIndexOptions.ForBulkImport(workFolder)))
        {
            imported = await Task.Run(
                () => ArticleImporter.Import(fresh, snapshot.Articles, progress: progress, threads: threads, cancellationToken: cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _loaded, imported.Indexed);
        index.ReplaceContents(workFolder, () => { }, snapshot.Sequence);

        // The node says ready only once warm: the first searches after a load otherwise compile the search path.
        index.WarmAgain();
        Directory.Delete(workFolder, recursive: true);
        LogFinished(imported.Indexed, snapshot.Sequence, clock.Elapsed.TotalSeconds, imported.Indexed / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
        return snapshot.Sequence;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrapping the empty index from the shared store: {Total} articles, up to change {Sequence}")]
    private partial void LogStarted(long total, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrapping: {Loaded} of {Total} articles loaded ({Rate:F0}/s)")]
    private partial void LogProgress(long loaded, long total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrapped {Loaded} articles up to change {Sequence} in {Seconds:F1} s ({Rate:F0}/s); following the log from there")]
    private partial void LogFinished(long loaded, long sequence, double seconds, double rate);

    private sealed class ProgressReport(IndexBootstrap owner, Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            Interlocked.Exchange(ref owner._loaded, value.Indexed);
            report(value);
        }
    }
}
