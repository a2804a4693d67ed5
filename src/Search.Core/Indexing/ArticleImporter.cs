using System.Diagnostics;
using Search.Core.Ingestion;

namespace Search.Core.Indexing;

/// <summary>
/// Feeds ingested records into a <see cref="NewsIndex"/>: articles are upserted, problems are passed to the caller and
/// counted as skipped, and everything is committed once at the end, so an interrupted import leaves the index as its
/// last commit had it plus, at most, whole articles of this run.
/// </summary>
public static class ArticleImporter
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <param name="onProblem">Told of each skipped record as it is met (one call at a time).</param>
    /// <param name="progress">Told about once a second.</param>
    /// <param name="threads">Threads that analyze and index at once; records are still read by one.</param>
    /// <returns>The final counts, after the commit.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; whatever was indexed before is committed first.</exception>
    public static ImportProgress Import(
        NewsIndex index,
        IEnumerable<IngestResult> records,
        Action<IngestProblem>? onProblem = null,
        IProgress<ImportProgress>? progress = null,
        int threads = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var clock = Stopwatch.StartNew();
        var counts = new Counts();
        var nextReport = ProgressInterval.Ticks;

        void Handle(IngestResult record)
        {
            if (record.Article is { } article)
            {
                index.Upsert(article, record.Version);
                Interlocked.Increment(ref counts.Indexed);
                Interlocked.Add(ref counts.Chars, article.Title.Length + (article.Lead?.Length ?? 0) + (article.Body?.Length ?? 0));
            }
            else if (record.Problem is { } problem)
            {
                Interlocked.Increment(ref counts.Skipped);
                lock (counts)
                {
                    onProblem?.Invoke(problem);
                }
            }

            var now = clock.Elapsed.Ticks;
            var due = Interlocked.Read(ref nextReport);
            if (now >= due && Interlocked.CompareExchange(ref nextReport, now + ProgressInterval.Ticks, due) == due)
            {
                progress?.Report(counts.Snapshot(clock.Elapsed));
            }
        }

        try
        {
            if (threads == 1)
            {
                foreach (var record in records)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Handle(record);
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
                Parallel.ForEach(records, options, Handle);
            }
        }
        finally
        {
            // Commit on every way out: an interrupted or failed run keeps the whole articles it got to.
            index.Commit();
        }

        return counts.Snapshot(clock.Elapsed);
    }

    private sealed class Counts
    {
        public long Indexed;
        public long Skipped;
        public long Chars;

        public ImportProgress Snapshot(TimeSpan elapsed) =>
            new(Interlocked.Read(ref Indexed), Interlocked.Read(ref Skipped), Interlocked.Read(ref Chars), elapsed);
    }
}
