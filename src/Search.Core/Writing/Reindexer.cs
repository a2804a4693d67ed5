using System.Diagnostics;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Writing;

/// <summary>
/// Rebuilds an index beside the live one and switches to it while searches and writes go on. The new index is built
/// from a source (files, or the articles the index stores, e.g. to apply a new analysis chain), then receives every
/// change logged since the build started; the switch pauses applying for as long as it takes to swap the contents in
/// one Lucene commit (<see cref="NewsIndex.ReplaceContents"/>) and apply the last few changes. Acknowledged writes are
/// never lost: the log keeps every change after the build's start until the switch is committed.
/// </summary>
internal sealed class Reindexer(NewsIndex index, IArticleLog log, IndexFollower follower)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="source">What to rebuild from; null rebuilds from the articles the index stores.</param>
    /// <param name="workFolder">Where the new index is built; deleted after the switch.</param>
    /// <param name="sourcePosition">For a source read from the log's own store (a shared database's snapshot): the
    /// position it holds changes up to. Changes are replayed from there, when this node has applied more, so none
    /// after the snapshot is missed.</param>
    /// <param name="refuseEmpty">Leave the index as it is when <paramref name="source"/> gives no article.</param>
    /// <exception cref="InvalidOperationException">Another reindex is running.</exception>
    /// <exception cref="EmptyReindexSourceException">The source gave no article, and <paramref name="refuseEmpty"/>.</exception>
    public async Task<ReindexResult> RunAsync(
        IEnumerable<IngestResult>? source,
        string workFolder,
        Action<IngestProblem>? onProblem,
        CancellationToken cancellationToken,
        long? sourcePosition = null,
        bool refuseEmpty = false)
    {
        if (!await _oneAtATime.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("A reindex is already running.");
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var start = Math.Min(follower.AppliedSequence, sourcePosition ?? long.MaxValue);
            using var retain = follower.Retain(start);

            // The stored articles are read from a snapshot that holds every change up to start (and perhaps a few
            // after it, which replaying from start applies again harmlessly).
            index.Refresh();
            var records = source ?? index.StoredArticles();
            if (Directory.Exists(workFolder))
            {
                Directory.Delete(workFolder, recursive: true);
            }

            ImportProgress imported;
            long built;
            var threads = ArticleImporter.DefaultThreads;
            using (var fresh = NewsIndex.Open(NewsIndexOptions.ForBulkImport(workFolder)))
            {
                imported = await Task.Run(
                    () => ArticleImporter.Import(fresh, records, onProblem, threads: threads, cancellationToken: cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                var caughtUp = await ReadLogAsync(start, log.Statistics().LastSequence, cancellationToken).ConfigureAwait(false);
                foreach (var logged in caughtUp)
                {
                    _ = logged.Change.Kind == ChangeKind.Upsert ? fresh.Upsert(logged.Change.Article!, logged.Version) : fresh.Delete(logged.Change.Id);
                }

                built = caughtUp.Count > 0 ? caughtUp[^1].Sequence : start;
                fresh.Optimize();
            }

            if (refuseEmpty && imported.Indexed == 0)
            {
                Directory.Delete(workFolder, recursive: true);
                throw new EmptyReindexSourceException(imported.Skipped);
            }

            var replayed = 0;
            await follower.RunPausedAsync(() =>
            {
                var durable = log.Statistics().LastSequence;
                var tail = ReadLogAsync(built, durable, CancellationToken.None).GetAwaiter().GetResult();
                replayed = tail.Count;
                index.ReplaceContents(workFolder, () =>
                {
                    if (tail.Count > 0)
                    {
                        follower.Apply(tail);
                    }
                }, durable);
                return durable;
            }).ConfigureAwait(false);

            Directory.Delete(workFolder, recursive: true);
            return new ReindexResult(imported.Indexed, imported.Skipped, (int)(built - start) + replayed, clock.Elapsed);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The logged changes after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    private async Task<List<LoggedChange>> ReadLogAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        var changes = new List<LoggedChange>();
        if (upTo <= after)
        {
            return changes;
        }

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await foreach (var batch in log.FollowAsync(after, reading.Token).ConfigureAwait(false))
        {
            changes.AddRange(batch.Where(change => change.Sequence <= upTo));
            if (batch[^1].Sequence >= upTo)
            {
                break;
            }
        }

        return changes;
    }
}
