using System.Collections.Concurrent;
using System.Diagnostics;
using Search.Core.Ingestion;

namespace Search.Core.Indexing;

/// <summary>
/// Feeds ingested records into a <see cref="NewsIndex"/>: articles are upserted (added, when the index began empty and
/// the id is new to the import: <see cref="FirstWrites"/>), problems are passed to the caller and
/// counted as skipped, and everything is committed once at the end, so an interrupted import leaves the index as its
/// last commit had it plus, at most, whole articles of this run. Records are read, parsed and turned into Lucene
/// documents on a thread of their own (<see cref="ReadAhead{T}"/>), ahead of the threads that index them: measured on
/// the shared news articles, that work was 2.5 s of a one-thread import's 22 to 28.
/// </summary>
public static class ArticleImporter
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>Records prepared ahead of indexing at most: enough to ride out a slow read, few enough to bound memory.</summary>
    private const int ReadAheadRecords = 256;

    /// <summary>Characters of article text prepared ahead at most, whatever the count: 256 articles of the shared news
    /// hold about 0.7 million, but a file of 1 MB articles held 512 of them, their analysis recorded (3.3 GB at its
    /// peak for 600 such articles); now about twice this (a recording takes about 8 bytes a character).</summary>
    private const long ReadAheadChars = 8 << 20;

    /// <summary>
    /// Indexing threads to use by default: one per core but one, which the read-ahead thread, flushes and merges keep
    /// busy. On 2 cores, 2 indexing threads took 16.5–18.3 s for the shared news articles against 12.4–12.7 s for one
    /// (benchmarks/README.md): the second thread only added a larger buffer to invert into and more to merge.
    /// </summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount - 1);

    /// <param name="onProblem">Told of each skipped record as it is met (one call at a time).</param>
    /// <param name="progress">Told about once a second.</param>
    /// <param name="threads">Threads that index at once; records are read and prepared by one more, which also analyzes
    /// their text when there is one indexing thread (<see cref="PreAnalyzedDocument"/>). With more, each analyzes its own
    /// documents, so that the one read-ahead thread does not hold them all back.</param>
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
        var firstWrites = new FirstWrites(emptyAtStart: index.IsEmpty);
        var preparer = new DocumentPreparer(index);

        // On the read-ahead thread: parse, map and, for one indexing thread, analyze, so that it only inverts and stores.
        Prepared Prepare(IngestResult record)
        {
            return new(record, record.Article is { } article ? preparer.Prepare(article, record.Version, analyze: threads == 1) : null);
        }

        void Handle(Prepared prepared)
        {
            var record = prepared.Record;
            if (record.Article is { } article && prepared.Document is { } document)
            {
                try
                {
                    if (firstWrites.TryClaim(article.Id, out var key))
                    {
                        try
                        {
                            index.AddNew(article, document.Document);
                        }
                        finally
                        {
                            firstWrites.Added(key);
                        }
                    }
                    else
                    {
                        index.Upsert(article, document.Document);
                    }
                }
                finally
                {
                    preparer.Release(document);
                }

                Interlocked.Increment(ref counts.Indexed);
                Interlocked.Add(ref counts.Chars, article.TextLength());
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
            using var ahead = new ReadAhead<Prepared>(records.Select(Prepare), ReadAheadRecords, cancellationToken, prepared => prepared.Record.Article?.TextLength() ?? 0, ReadAheadChars);
            if (threads == 1)
            {
                foreach (var prepared in ahead.Items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Handle(prepared);
                }
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
                Parallel.ForEach(Partitioner.Create(ahead.Items, EnumerablePartitionerOptions.NoBuffering), options, Handle);
            }
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the run keeps the whole articles it got to.
            index.Commit();
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault (a full disk, a folder turned read-only) keeps what can still be committed; when the commit fails
            // too, the last commit stays whole, and the caller hears of the fault, not of the commit failing after it.
            CommitAfterFault(index);
            throw;
        }

        index.Commit();
        return counts.Snapshot(clock.Elapsed);
    }

    private static void CommitAfterFault(NewsIndex index)
    {
        try
        {
            index.Commit();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Reported through the fault that stopped the run.
        }
    }

    /// <summary>A record and, for an article, its Lucene document (its text analyzed for one indexing thread), made on
    /// the read-ahead thread.</summary>
    private readonly record struct Prepared(IngestResult Record, PreparedDocument? Document);

    private sealed class Counts
    {
        public long Indexed;
        public long Skipped;
        public long Chars;

        public ImportProgress Snapshot(TimeSpan elapsed) =>
            new(Interlocked.Read(ref Indexed), Interlocked.Read(ref Skipped), Interlocked.Read(ref Chars), elapsed);
    }
}
