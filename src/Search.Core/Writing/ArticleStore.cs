using Search.Core.Indexing;

namespace Search.Core.Writing;

/// <summary>
/// The service's write path: a change is acknowledged once the <see cref="IArticleLog"/> holds it durably and the
/// <see cref="IndexFollower"/> has applied it, so a reader by id sees it at once and searches within one refresh
/// interval (or at once with <see cref="WriteVisibility.WaitForSearch"/>). With a log that tells what each change did
/// (a shared database), a change is acknowledged once the log committed it, and
/// <see cref="WriteVisibility.WaitForSearch"/> waits until this node's searches see it.
/// </summary>
/// <remarks>Thread-safe. Changes written in one call keep their order; concurrent calls are ordered by the log.</remarks>
public sealed class ArticleStore : IAsyncDisposable
{
    private readonly NewsIndex _index;
    private readonly IArticleLog _log;
    private readonly IndexFollower _follower;
    private readonly Reindexer _reindexer;

    /// <summary>How long a writer refused by the local log should wait: the log tries again at the next write.</summary>
    private static readonly TimeSpan LogRetryAfter = TimeSpan.FromSeconds(5);

    private StorageFault? _logFault;

    public ArticleStore(NewsIndex index, IArticleLog log, IndexFollower follower)
    {
        _index = index;
        _log = log;
        _follower = follower;
        _reindexer = new Reindexer(index, log, follower);
    }

    /// <summary>The index the store writes to.</summary>
    public NewsIndex Index => _index;

    /// <summary>Why writes stopped for good, when they did; null while healthy.</summary>
    public Exception? Fault => _follower.Fault;

    /// <summary>The index folder failing to take writes, while it does: writes are refused until it works again, which
    /// the store notices by itself; null while storage works. The local log's folder counts too (it lives in the index
    /// folder in the service): its last append failed, and the next write tries it again.</summary>
    public StorageFault? StorageFault => _follower.StorageFault ?? Volatile.Read(ref _logFault);

    /// <summary>True while an empty index is being filled from a shared log (<see cref="OpenShared"/>).</summary>
    public bool Bootstrapping => _follower.Bootstrapping;

    /// <summary>While bootstrapping, why the last attempt failed (it starts over by itself); null when none has.</summary>
    public Exception? BootstrapFailure => _follower.BootstrapFailure;

    /// <summary>While bootstrapping, articles loaded and how many there are.</summary>
    public (long Loaded, long Total) BootstrapProgress => _follower.BootstrapProgress;

    /// <summary>The shared log this store follows, or null for the local one.</summary>
    public ISharedArticleLog? SharedLog => _log as ISharedArticleLog;

    /// <summary>Opens the embedded store: a <see cref="FileArticleLog"/> in <paramref name="logFolder"/> applied to
    /// <paramref name="index"/>, replaying what the index's last commit does not hold.</summary>
    public static ArticleStore OpenLocal(NewsIndex index, string logFolder, IndexFollowerOptions? options = null, Microsoft.Extensions.Logging.ILogger<IndexFollower>? logger = null)
    {
        var log = FileArticleLog.Open(logFolder, index.CommittedSequence);
        return new ArticleStore(index, log, IndexFollower.Start(index, log, options, logger));
    }

    /// <summary>
    /// Opens a node of a shared store: <paramref name="index"/> follows <paramref name="log"/> from its last commit or,
    /// when it never held anything, is first filled from the log's snapshot (built in <paramref name="bootstrapFolder"/>).
    /// Returns at once; <see cref="Bootstrapping"/> tells when the index is ready.
    /// </summary>
    public static ArticleStore OpenShared(NewsIndex index, ISharedArticleLog log, string bootstrapFolder, IndexFollowerOptions? options = null, Microsoft.Extensions.Logging.ILogger<IndexFollower>? logger = null) =>
        new(index, log, IndexFollower.StartShared(index, log, bootstrapFolder, options, logger));

    /// <summary>Writes the changes durably; completes once they survive a crash and are applied to the index (or, with
    /// a log that tells what each change did, once the log committed them).</summary>
    /// <exception cref="IOException">The log could not make them durable, and nothing was written; or the index could
    /// not take them now (a full disk): they are in the log and will be applied, but searches may not see them yet.</exception>
    /// <exception cref="StorageFaultException">The index folder cannot be written now (<see cref="StorageFault"/>):
    /// nothing was written. Only with the local log.</exception>
    /// <exception cref="InvalidOperationException">The index stopped applying writes (see <see cref="Fault"/>).</exception>
    public async Task<WriteReceipt> WriteAsync(
        IReadOnlyList<ArticleChange> changes,
        WriteVisibility visibility = WriteVisibility.Default,
        CancellationToken cancellationToken = default)
    {
        using var activity = _index.Tracing.StartWrite(changes.Count, visibility);
        try
        {
            return await WriteTracedAsync(changes, visibility, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            IndexTracing.Failed(activity, ex);
            throw;
        }
    }

    private async Task<WriteReceipt> WriteTracedAsync(
        IReadOnlyList<ArticleChange> changes,
        WriteVisibility visibility,
        System.Diagnostics.Activity? activity,
        CancellationToken cancellationToken)
    {
        if (_follower.Fault is { } fault)
        {
            throw new InvalidOperationException("The index stopped applying writes.", fault);
        }

        // Refused before the local log: acknowledged it could not be, and the client's retry is the write that counts.
        // A shared log is the system of record and takes the write whatever this node's disk does; the node applies
        // it once its folder works again.
        if (SharedLog is null && _follower.StorageFault is { } storage)
        {
            throw new StorageFaultException(storage);
        }

        AppendResult appended;
        try
        {
            appended = await _log.AppendAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (SharedLog is null)
        {
            // A shared log's outages are the database's, reported apart (LagAsync); the local log's are this disk's.
            Volatile.Write(ref _logFault, new StorageFault(ex, Volatile.Read(ref _logFault)?.Since ?? DateTimeOffset.UtcNow, LogRetryAfter));
            throw;
        }

        Volatile.Write(ref _logFault, null);
        IndexTracing.WriteStep(activity, "durable");
        var sequences = appended.Sequences;
        if (appended.Outcomes is { } known && visibility == WriteVisibility.Default)
        {
            return new WriteReceipt(sequences, known);
        }

        // Not cancelled from here: the changes are durable, and waiting keeps memory bounded by what is being applied.
        var generation = await _follower.WaitAppliedAsync(sequences.Last, CancellationToken.None).ConfigureAwait(false);
        IndexTracing.WriteStep(activity, "applied");
        if (visibility == WriteVisibility.WaitForSearch)
        {
            // WaitFor blocks until the reopen thread, woken by the wait, refreshes (milliseconds).
            await Task.Run(() => _index.WaitFor(generation), CancellationToken.None).ConfigureAwait(false);
            IndexTracing.WriteStep(activity, "searchable");
        }

        if (appended.Outcomes is { } told)
        {
            return new WriteReceipt(sequences, told);
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
    /// <exception cref="StorageFaultException">The index folder cannot be written now: no snapshot was taken.</exception>
    /// <exception cref="IOException">The commit or the copy failed; a partial copy never takes the target's name.</exception>
    public IndexSnapshotInfo Snapshot(string targetFolder)
    {
        if (_follower.StorageFault is { } storage)
        {
            throw new StorageFaultException(storage);
        }

        _follower.CommitNow();
        return _index.SnapshotTo(targetFolder);
    }

    /// <summary>
    /// Rebuilds the index from <paramref name="source"/> (or, when null, from the articles it stores, e.g. after the
    /// analysis chain changed; on a node of a shared store, from the store's table, the system of record) in
    /// <paramref name="workFolder"/>, and switches to it atomically while searches and writes go on; writes made
    /// meanwhile are carried over. With a source, articles written before the rebuild started and absent from the
    /// source are gone afterwards: the source is the new truth.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another reindex is running.</exception>
    /// <exception cref="EmptyReindexSourceException"><paramref name="source"/> gave no article: the index is unchanged.</exception>
    public async Task<ReindexResult> ReindexAsync(
        IEnumerable<Ingestion.IngestResult>? source,
        string workFolder,
        Action<Ingestion.IngestProblem>? onProblem = null,
        CancellationToken cancellationToken = default)
    {
        if (source is null && SharedLog is { } shared)
        {
            await using var snapshot = await shared.OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
            return await _reindexer.RunAsync(snapshot.Articles, workFolder, onProblem, cancellationToken, snapshot.Sequence).ConfigureAwait(false);
        }

        return await _reindexer.RunAsync(source, workFolder, onProblem, cancellationToken, refuseEmpty: source is not null).ConfigureAwait(false);
    }

    /// <summary>How far this node is behind the shared log; null for the local log, which the node itself writes.</summary>
    /// <exception cref="IOException">The shared store cannot be reached.</exception>
    public async Task<ReplicationLag?> LagAsync(CancellationToken cancellationToken = default) =>
        SharedLog is { } shared ? await shared.LagAsync(_follower.AppliedSequence, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The log, the follower and the index, for operators.</summary>
    public WriteStatistics Statistics()
    {
        var log = _log.Statistics();
        var applied = _follower.AppliedSequence;
        var fault = _follower.Fault?.Message
            ?? (StorageFault is { } storage ? $"The index folder cannot be written since {storage.Since:O} ({storage.Cause.Message}); writes are refused until it works again." : null);
        return new WriteStatistics(log, applied, _follower.CommittedSequence, Math.Max(0, log.LastSequence - applied), fault);
    }

    public async ValueTask DisposeAsync()
    {
        await _follower.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }
}
