using Search.Core.Indexing;

namespace Search.Core.Writing;

/// <summary>
/// The service's write path: a change is acknowledged once the <see cref="IArticleLog"/> holds it durably and the
/// <see cref="IndexFollower"/> has applied it, so a reader by id sees it at once and searches within one refresh
/// interval (or at once with <see cref="WriteVisibility.WaitForSearch"/>).
/// </summary>
/// <remarks>Thread-safe. Changes written in one call keep their order; concurrent calls are ordered by the log.</remarks>
public sealed class ArticleStore : IAsyncDisposable
{
    private readonly NewsIndex _index;
    private readonly IArticleLog _log;
    private readonly IndexFollower _follower;
    private readonly Reindexer _reindexer;

    public ArticleStore(NewsIndex index, IArticleLog log, IndexFollower follower)
    {
        _index = index;
        _log = log;
        _follower = follower;
        _reindexer = new Reindexer(index, log, follower);
    }

    /// <summary>The index the store writes to.</summary>
    public NewsIndex Index => _index;

    /// <summary>Why writes stopped, when they did; null while healthy.</summary>
    public Exception? Fault => _follower.Fault;

    /// <summary>Opens the embedded store: a <see cref="FileArticleLog"/> in <paramref name="logFolder"/> applied to
    /// <paramref name="index"/>, replaying what the index's last commit does not hold.</summary>
    public static ArticleStore OpenLocal(NewsIndex index, string logFolder, IndexFollowerOptions? options = null, Microsoft.Extensions.Logging.ILogger<IndexFollower>? logger = null)
    {
        var log = FileArticleLog.Open(logFolder, index.CommittedSequence);
        return new ArticleStore(index, log, IndexFollower.Start(index, log, options, logger));
    }

    /// <summary>Writes the changes durably; completes once they survive a crash and are applied to the index.</summary>
    /// <exception cref="IOException">The log could not make them durable, and nothing was written; or the index could
    /// not take them now (a full disk): they are in the log and will be applied, but searches may not see them yet.</exception>
    /// <exception cref="InvalidOperationException">The index stopped applying writes (see <see cref="Fault"/>).</exception>
    public async Task<WriteReceipt> WriteAsync(
        IReadOnlyList<ArticleChange> changes,
        WriteVisibility visibility = WriteVisibility.Default,
        CancellationToken cancellationToken = default)
    {
        if (_follower.Fault is { } fault)
        {
            throw new InvalidOperationException("The index stopped applying writes.", fault);
        }

        var sequences = await _log.AppendAsync(changes, cancellationToken).ConfigureAwait(false);

        // Not cancelled from here: the changes are durable, and waiting keeps memory bounded by what is being applied.
        var generation = await _follower.WaitAppliedAsync(sequences.Last, CancellationToken.None).ConfigureAwait(false);
        if (visibility == WriteVisibility.WaitForSearch)
        {
            // WaitFor blocks until the reopen thread, woken by the wait, refreshes (milliseconds).
            await Task.Run(() => _index.WaitFor(generation), CancellationToken.None).ConfigureAwait(false);
        }

        var outcomes = new ChangeOutcome[sequences.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = _follower.OutcomeOf(sequences.First + i)
                ?? (changes[i].Kind == ChangeKind.Upsert ? ChangeOutcome.Updated : ChangeOutcome.Deleted);
        }

        return new WriteReceipt(sequences, outcomes);
    }

    /// <summary>Completes once every change the log held when called is applied (the replay after a restart).</summary>
    public Task CaughtUpAsync(CancellationToken cancellationToken = default) =>
        _follower.WaitAppliedAsync(_log.Statistics().LastSequence, cancellationToken);

    /// <summary>Commits what is applied, then copies that commit to <paramref name="targetFolder"/> while writes go on.</summary>
    public IndexSnapshotInfo Snapshot(string targetFolder)
    {
        _follower.CommitNow();
        return _index.SnapshotTo(targetFolder);
    }

    /// <summary>
    /// Rebuilds the index from <paramref name="source"/> (or, when null, from the articles it stores, e.g. after the
    /// analysis chain changed) in <paramref name="workFolder"/>, and switches to it atomically while searches and writes
    /// go on; writes made meanwhile are carried over. With a source, articles written before the rebuild started and
    /// absent from the source are gone afterwards: the source is the new truth.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another reindex is running.</exception>
    public Task<ReindexResult> ReindexAsync(
        IEnumerable<Ingestion.IngestResult>? source,
        string workFolder,
        Action<Ingestion.IngestProblem>? onProblem = null,
        CancellationToken cancellationToken = default) =>
        _reindexer.RunAsync(source, workFolder, onProblem, cancellationToken);

    /// <summary>The log, the follower and the index, for operators.</summary>
    public WriteStatistics Statistics()
    {
        var log = _log.Statistics();
        var applied = _follower.AppliedSequence;
        return new WriteStatistics(log, applied, _follower.CommittedSequence, Math.Max(0, log.LastSequence - applied), _follower.Fault?.Message);
    }

    public async ValueTask DisposeAsync()
    {
        await _follower.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }
}
