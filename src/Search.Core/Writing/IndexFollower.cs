using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Indexing;

namespace Search.Core.Writing;

/// <summary>
/// Applies an <see cref="IArticleLog"/> to a <see cref="NewsIndex"/> in log order, from the position the index's last
/// commit recorded, and commits every <see cref="IndexFollowerOptions.CommitInterval"/> with the position reached, so
/// after a crash it resumes exactly there. Changes are applied again from that position, which leaves the same index:
/// upserts and deletes by id are idempotent when replayed in order.
/// </summary>
/// <remarks>Thread-safe. Within a batch, changes to different ids are applied in parallel; changes to one id keep
/// their log order.</remarks>
public sealed partial class IndexFollower : IAsyncDisposable
{
    // Outcomes of recent changes by sequence, for the writers waiting on them; a writer reads its own right after its
    // changes are applied, long before 65,536 later changes overwrite them.
    private const int OutcomeSlots = 1 << 16;

    /// <summary>Changes a batch's documents are prepared ahead in (<see cref="ApplyPrepared"/>): small enough that the
    /// applying thread soon has work, large enough that handing a chunk over costs nothing next to indexing it.</summary>
    private const int PreparedChunkSize = 32;

    /// <summary>Characters of text a chunk holds at most (it ends early past them): a recorded analysis takes about 8
    /// bytes a character, so two chunks of 1 MB articles (the write API's largest) hold about 16 MB, not 32 of them
    /// each (270 MB).</summary>
    private const long PreparedChunkChars = 1 << 20;

    private readonly NewsIndex _index;
    private readonly IArticleLog _log;
    private readonly IndexFollowerOptions _options;
    private readonly ILogger _logger;
    private readonly (long Sequence, ChangeOutcome Outcome)[] _outcomes = new (long, ChangeOutcome)[OutcomeSlots];
    private readonly object _waitersLock = new();
    private readonly PriorityQueue<Waiter, long> _waiters = new();
    private readonly Lock _checkpointLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _applyLoop;
    private readonly Task _commitLoop;
    private readonly IndexBootstrap? _bootstrap;
    private readonly DocumentPreparer _preparer;

    private readonly SemaphoreSlim _applyTurn = new(1, 1);
    private volatile CancellationTokenSource? _restart;
    private long _epoch;
    private long _refreshFailuresSeen;
    private int _disposed;
    private long _retainAfter = long.MaxValue;
    private long _appliedSequence;
    private long _appliedGeneration;
    private long _committedSequence;
    private Exception? _fault;
    private volatile bool _bootstrapping;
    private Exception? _bootstrapFailure;

    // Guards changes to the storage fault and starts at most one recovery per fault.
    private readonly Lock _storageLock = new();
    private StorageFault? _storageFault;
    private Task _recovery = Task.CompletedTask;

    private IndexFollower(NewsIndex index, IArticleLog log, IndexFollowerOptions options, ILogger logger, IndexBootstrap? bootstrap)
    {
        _index = index;
        _log = log;
        _options = options;
        _logger = logger;
        _appliedSequence = _committedSequence = index.CommittedSequence;

        // Only an index that never held anything is filled from a snapshot: one that did resumes from its commit.
        _bootstrap = bootstrap is not null && _appliedSequence == 0 && index.Count == 0 ? bootstrap : null;
        _bootstrapping = _bootstrap is not null;
        _refreshFailuresSeen = index.FailedRefreshes;
        _preparer = new DocumentPreparer(index);
        _applyLoop = Task.Run(ApplyLoopAsync);
        _commitLoop = Task.Run(CommitLoopAsync);
    }

    /// <summary>Starts following <paramref name="log"/> from the index's last committed position.</summary>
    public static IndexFollower Start(NewsIndex index, IArticleLog log, IndexFollowerOptions? options = null, ILogger<IndexFollower>? logger = null) =>
        new(index, log, options ?? new IndexFollowerOptions(), logger ?? (ILogger)NullLogger.Instance, bootstrap: null);

    /// <summary>
    /// Starts following a shared log. An index that never held anything is first filled from the log's snapshot,
    /// built in <paramref name="bootstrapFolder"/> and swapped in (tried again, with a growing pause, until it works),
    /// and followed from the snapshot's position; any other index resumes from its last commit.
    /// </summary>
    public static IndexFollower StartShared(NewsIndex index, ISharedArticleLog log, string bootstrapFolder, IndexFollowerOptions? options = null, ILogger<IndexFollower>? logger = null)
    {
        var logs = logger ?? (ILogger)NullLogger.Instance;
        return new(index, log, options ?? new IndexFollowerOptions(), logs, new IndexBootstrap(index, log, bootstrapFolder, logs));
    }

    /// <summary>True while an empty index is being filled from a shared log's snapshot.</summary>
    public bool Bootstrapping => _bootstrapping;

    /// <summary>While bootstrapping, why the last attempt failed (it starts over after a pause); null when none has.</summary>
    public Exception? BootstrapFailure => _bootstrapping ? Volatile.Read(ref _bootstrapFailure) : null;

    /// <summary>While bootstrapping, articles loaded and the snapshot's size.</summary>
    public (long Loaded, long Total) BootstrapProgress => _bootstrap?.Progress ?? (0, 0);

    /// <summary>The position of the last change applied to the index (not necessarily committed yet).</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    /// <summary>The position the index's last commit holds everything up to.</summary>
    public long CommittedSequence => Interlocked.Read(ref _committedSequence);

    /// <summary>Why following stopped for good, when it did (the index writer failed); null while healthy.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The index folder failing to take writes, while it does: writes are refused, and a commit is tried
    /// again with a growing pause until one works; null while storage works.</summary>
    public StorageFault? StorageFault => Volatile.Read(ref _storageFault);

    /// <summary>Completes, with the index generation that holds it, once the change at <paramref name="sequence"/> is
    /// applied (for <see cref="NewsIndex.WaitFor"/>).</summary>
    /// <exception cref="InvalidOperationException">Following stopped on a fault before reaching it.</exception>
    public Task<long> WaitAppliedAsync(long sequence, CancellationToken cancellationToken = default)
    {
        lock (_waitersLock)
        {
            if (_fault is not null)
            {
                return Task.FromException<long>(new InvalidOperationException("The index stopped applying writes.", _fault));
            }

            if (Interlocked.Read(ref _appliedSequence) >= sequence)
            {
                return Task.FromResult(Interlocked.Read(ref _appliedGeneration));
            }

            var waiter = new Waiter();
            _waiters.Enqueue(waiter, sequence);
            return waiter.Completion.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>What applying the change at <paramref name="sequence"/> did, once applied, if still remembered.</summary>
    public ChangeOutcome? OutcomeOf(long sequence)
    {
        var slot = _outcomes[sequence & (OutcomeSlots - 1)];
        return slot.Sequence == sequence ? slot.Outcome : null;
    }

    /// <summary>Commits the index now with the position applied so far, and lets the log drop what it holds.</summary>
    /// <exception cref="IOException">The commit failed: writes are refused (<see cref="StorageFault"/>) until a commit
    /// works again.</exception>
    public void CommitNow()
    {
        // Not while a batch is applied: a flush failing under it would drop documents this commit then claims.
        _applyTurn.Wait();
        try
        {
            CommitHoldingTurn();
        }
        catch (Exception ex) when (Writing.StorageFault.IsStorageFailure(ex))
        {
            // The failed commit's flush may have discarded applied changes: the recovery applies everything since the
            // last commit again before it commits (the index refuses any commit until then).
            EnterStorageFault(ex);
            throw;
        }
        finally
        {
            _applyTurn.Release();
        }
    }

    private void CommitHoldingTurn()
    {
        lock (_checkpointLock)
        {
            // Read before committing: the commit holds at least this much (and perhaps more, which replays harmlessly).
            var applied = Interlocked.Read(ref _appliedSequence);
            var clock = Stopwatch.StartNew();
            // Refused when a refresh's flush failed since the last commit: it dropped documents this commit would claim.
            _index.Commit(applied, Interlocked.Read(ref _refreshFailuresSeen));
            Interlocked.Exchange(ref _committedSequence, applied);
            _log.Checkpoint(Math.Min(applied, Interlocked.Read(ref _retainAfter)));
            LogCommitted(applied, clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Stops following and commits what was applied, so a restart replays nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Task recovery;
        lock (_storageLock)
        {
            recovery = _recovery;
        }

        await Task.WhenAll(_applyLoop, _commitLoop, recovery).ConfigureAwait(false);
        if (Fault is null && StorageFault is null && AppliedSequence > CommittedSequence)
        {
            try
            {
                CommitNow();
            }
            catch (IOException ex)
            {
                // The log keeps what the last commit lacks; the next start applies it.
                LogCommitFailed(ex);
            }
        }

        FailWaiters(new ObjectDisposedException(nameof(IndexFollower)));
        _stopping.Dispose();
        _applyTurn.Dispose();
    }

    /// <summary>
    /// Stops applying, runs <paramref name="work"/> (which may apply changes itself with <see cref="Apply"/>), and
    /// resumes following the log after the position <paramref name="work"/> returns.
    /// </summary>
    internal async Task RunPausedAsync(Func<long> work)
    {
        await _applyTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            var position = work();
            lock (_waitersLock)
            {
                Interlocked.Exchange(ref _appliedSequence, position);
                Interlocked.Increment(ref _epoch);

                // A reindex's new index may hold changes this loop had read but not applied: their writers wait on
                // them, and the loop now follows from after them. Unwoken, a writer with nothing logged after it
                // waited forever (a CI hang).
                WakeWaitersUpTo(position);
            }

            try
            {
                await (_restart?.CancelAsync() ?? Task.CompletedTask).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The loop left that enumeration already (stopping, or moving on); the epoch tells it where it stands.
            }
        }
        finally
        {
            _applyTurn.Release();
        }
    }

    /// <summary>Keeps every logged change after <paramref name="sequence"/> in the log, whatever the commits hold,
    /// until disposed (a reindex replays them into the new index).</summary>
    internal IDisposable Retain(long sequence)
    {
        Interlocked.Exchange(ref _retainAfter, sequence);
        return new RetainRelease(this);
    }

    private async Task ApplyLoopAsync()
    {
        try
        {
            if (_log is ISharedArticleLog shared)
            {
                await CheckLogIdentityAsync(shared).ConfigureAwait(false);
            }

            if (_bootstrap is not null)
            {
                await BootstrapAsync(_bootstrap).ConfigureAwait(false);
            }

            while (!_stopping.IsCancellationRequested)
            {
                var epoch = Interlocked.Read(ref _epoch);
                using var restart = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _restart = restart;
                try
                {
                    await foreach (var batch in _log.FollowAsync(AppliedSequence, restart.Token).ConfigureAwait(false))
                    {
                        TimeSpan? pauseAfterFailure = null;
                        await _applyTurn.WaitAsync(_stopping.Token).ConfigureAwait(false);
                        try
                        {
                            if (Interlocked.Read(ref _epoch) != epoch)
                            {
                                break; // repositioned while paused: this batch was read from the old position
                            }

                            Apply(batch);
                        }
                        catch (Exception ex) when (Writing.StorageFault.IsStorageFailure(ex))
                        {
                            // A flush the batch set off failed (a full disk, a folder turned read-only): its
                            // documents, and perhaps others applied before, are gone from the writer. Writes are
                            // refused until storage works; then everything since the last commit is applied again.

                            // At once, so no commit meanwhile claims what the failed flush dropped.
                            lock (_waitersLock)
                            {
                                Interlocked.Exchange(ref _appliedSequence, CommittedSequence);
                                Interlocked.Increment(ref _epoch);
                            }

                            EnterStorageFault(ex);

                            // Their changes are durable and will be applied, but not now: writers hear so rather than
                            // wait on a disk that may stay full.
                            FailWaiters(new IOException($"The index cannot take writes now ({ex.Message}); the write is in the log and will be applied when it can.", ex));
                            pauseAfterFailure = StorageFault?.RetryAfter ?? _options.RetryDelay;
                        }
                        finally
                        {
                            _applyTurn.Release();
                        }

                        if (pauseAfterFailure is { } pause)
                        {
                            // Not holding the turn: the recovery, a snapshot or a commit may go on meanwhile.
                            await Task.Delay(pause, _stopping.Token).ConfigureAwait(false);
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    // Repositioned: follow again from the new position.
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Stop(ex);
        }
    }

    /// <summary>Stops taking writes for good: the index cannot go on without a restart. The log keeps what the last
    /// commit lacks, for the next start.</summary>
    private void Stop(Exception cause)
    {
        lock (_storageLock)
        {
            // Not a fault that passes: nothing tries again.
            Volatile.Write(ref _storageFault, null);
        }

        Volatile.Write(ref _fault, cause);
        LogFault(cause);
        FailWaiters(new InvalidOperationException("The index stopped applying writes.", cause));
    }

    /// <summary>
    /// Refuses to follow a shared log other than the one the index was built from: its positions would be taken for
    /// the other's, and the two collections mixed without a word. Only an index that never held anything takes this
    /// log's name; one that holds a history but names no log (written by the local store, built by the indexer from
    /// files, or committed before indexes named their log) is refused too, since nothing says its articles and its
    /// position are this log's.
    /// </summary>
    /// <exception cref="ForeignLogException">The index names another log, or holds a history that names none.</exception>
    private async Task CheckLogIdentityAsync(ISharedArticleLog shared)
    {
        var identity = await shared.IdentityAsync(_stopping.Token).ConfigureAwait(false);
        switch (_index.LogIdentity)
        {
            case null when _appliedSequence > 0 || _index.Count > 0:
                throw new ForeignLogException(
                    $"The index holds {_index.Count:N0} articles, up to change {_appliedSequence}, that were not loaded from this database (store {identity}): it names no database, so it was written by the local store, built by search-indexer from files, or by a version before indexes named theirs. It follows nothing rather than mix them with this database's. Empty the index folder to load this database (write those articles into it first with search-indexer --url if they are not there).");
            case null:
                _index.RecordLogIdentity(identity);
                try
                {
                    // At once, not at the next change: an idle node restarted against another database must meet it.
                    CommitNow();
                }
                catch (IOException)
                {
                    // A full disk: the next commit records it.
                }

                break;
            case var recorded when recorded != identity:
                throw new ForeignLogException(
                    $"The index was built from another database (store {recorded}) than the one it is asked to follow (store {identity}); it follows nothing rather than mix the two. Point the node at its own database, or empty the index folder to load this one.");
        }
    }

    /// <summary>Fills the empty index from the shared log's snapshot, trying again until it works or the follower stops.</summary>
    private async Task BootstrapAsync(IndexBootstrap bootstrap)
    {
        var pause = _options.RetryDelay;
        while (true)
        {
            try
            {
                var position = await bootstrap.RunAsync(ArticleImporter.DefaultThreads, _stopping.Token).ConfigureAwait(false);
                lock (_waitersLock)
                {
                    Interlocked.Exchange(ref _appliedSequence, position);
                    Interlocked.Exchange(ref _committedSequence, position);

                    // Before any waiter wakes: one that was waiting for the snapshot must not still see bootstrapping.
                    _bootstrapping = false;
                    WakeWaitersUpTo(position);
                }

                _log.Checkpoint(position);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                // The store restarting, the connection lost midway: the live index is still empty; start over. Kept
                // for readiness: a load failing every time (a full disk, a row that is not an article) otherwise
                // looked like one making progress.
                Volatile.Write(ref _bootstrapFailure, ex);
                LogBootstrapFailed(ex, pause.TotalSeconds);
                await Task.Delay(pause, _stopping.Token).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>Applies a batch of changes in log order and wakes the writers waiting on them.</summary>
    internal void Apply(IReadOnlyList<LoggedChange> batch)
    {
        long generation;
        var partitions = Math.Min(_options.ApplyThreads, batch.Count);
        if (partitions <= 1)
        {
            generation = batch.Count >= 2 * PreparedChunkSize ? ApplyPrepared(batch) : ApplyInOrder(batch, 0, batch.Count, null);
        }
        else
        {
            // Same id, same partition: its changes keep their order; different ids may go in any order.
            var parts = new List<LoggedChange>[partitions];
            for (var p = 0; p < partitions; p++)
            {
                parts[p] = new List<LoggedChange>(batch.Count / partitions + 1);
            }

            foreach (var change in batch)
            {
                parts[(int)((uint)StringComparer.Ordinal.GetHashCode(change.Change.Id) % (uint)partitions)].Add(change);
            }

            var generations = new long[partitions];
            Parallel.For(0, partitions, p => generations[p] = ApplyInOrder(parts[p], 0, parts[p].Count, null));
            generation = generations.Max();
        }

        var last = batch[^1].Sequence;
        lock (_waitersLock)
        {
            Interlocked.Exchange(ref _appliedGeneration, Math.Max(Interlocked.Read(ref _appliedGeneration), generation));
            Interlocked.Exchange(ref _appliedSequence, last);
            WakeWaitersUpTo(last);
        }
    }

    /// <summary>Completes the waits for every change up to <paramref name="position"/>; the caller holds the waiters' lock.</summary>
    private void WakeWaitersUpTo(long position)
    {
        while (_waiters.TryPeek(out var waiter, out var sequence) && sequence <= position)
        {
            _waiters.Dequeue();
            waiter.Completion.TrySetResult(Interlocked.Read(ref _appliedGeneration));
        }
    }

    /// <summary>
    /// Applies a large batch on one thread while the next chunk's documents are made and analyzed on another, as the
    /// offline indexer does: the applying thread then only inverts and stores. Analysis in the writer had made it the
    /// bulk path's bottleneck (perf of 41,682 articles through <c>_bulk</c>: that thread busy throughout, 45 % of the
    /// process's CPU).
    /// </summary>
    private long ApplyPrepared(IReadOnlyList<LoggedChange> batch)
    {
        PreparedDocument? Prepare(int i) =>
            batch[i].Change.Article is { } article ? _preparer.Prepare(article, batch[i].Version, analyze: true) : null;

        long generation = 0;
        var next = PreparedChunk<PreparedDocument?>.Start(Prepare, 0, ChunkLength(batch, 0));
        for (var start = 0; start < batch.Count;)
        {
            var documents = next.Take();
            var end = start + documents.Length;
            if (end < batch.Count)
            {
                next = PreparedChunk<PreparedDocument?>.Start(Prepare, end, ChunkLength(batch, end));
            }

            generation = Math.Max(generation, ApplyInOrder(batch, start, end, documents));
            start = end;
        }

        return generation;
    }

    /// <summary>How many changes from <paramref name="start"/> make one chunk: <see cref="PreparedChunkSize"/>, fewer
    /// when their text passes <see cref="PreparedChunkChars"/>; at least one.</summary>
    internal static int ChunkLength(IReadOnlyList<LoggedChange> batch, int start)
    {
        long chars = 0;
        var end = start;
        while (end < batch.Count && end - start < PreparedChunkSize && chars < PreparedChunkChars)
        {
            chars += batch[end].Change.Article?.TextLength() ?? 0;
            end++;
        }

        return end - start;
    }

    /// <summary>Applies changes [<paramref name="start"/>, <paramref name="end"/>) in order, with their documents when
    /// prepared already (<paramref name="documents"/>[i - start]).</summary>
    private long ApplyInOrder(IReadOnlyList<LoggedChange> changes, int start, int end, PreparedDocument?[]? documents)
    {
        long generation = 0;
        for (var i = start; i < end; i++)
        {
            var (sequence, change) = changes[i];
            var existed = _index.Contains(change.Id);
            ChangeOutcome outcome;
            if (change.Kind == ChangeKind.Upsert)
            {
                generation = Math.Max(generation, documents?[i - start] is { } prepared
                    ? Upsert(change.Article!, prepared)
                    : _index.Upsert(change.Article!, changes[i].Version));
                outcome = existed ? ChangeOutcome.Updated : ChangeOutcome.Created;
            }
            else
            {
                generation = Math.Max(generation, _index.Delete(change.Id));
                outcome = existed ? ChangeOutcome.Deleted : ChangeOutcome.NotFound;
            }

            _outcomes[sequence & (OutcomeSlots - 1)] = (sequence, outcome);
        }

        return generation;
    }

    private long Upsert(Documents.NewsArticle article, PreparedDocument prepared)
    {
        try
        {
            return _index.Upsert(article, prepared.Document);
        }
        finally
        {
            _preparer.Release(prepared);
        }
    }

    private async Task CommitLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.CommitInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                // While storage fails, the recovery commits, once it has applied everything since the last commit again.
                if (Fault is null && StorageFault is null && AppliedSequence > CommittedSequence)
                {
                    try
                    {
                        CommitNow();
                    }
                    catch (Exception ex) when (Writing.StorageFault.IsStorageFailure(ex))
                    {
                        // The last commit stays intact and the log keeps every change since it. But a flush that
                        // failed has discarded the documents it held (measured on a full tmpfs: 13 of 42 acknowledged
                        // articles gone from the writer): CommitNow started the recovery, which applies everything
                        // since the last commit again, leaving the index as the log says, and commits once it can.
                    }
                    catch (Exception ex)
                    {
                        // A writer that refuses every commit from now on (Lucene.Net 4.8's, once it met an
                        // OutOfMemoryException): said, and writes stopped, rather than acknowledged into a log that
                        // grows with nothing ever committed (this loop ended unseen before).
                        Stop(new WriterStoppedException(ex));
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Follows the log again from the last commit, so changes a failed flush discarded are applied again.</summary>
    private Task ReapplySinceCommitAsync() => RunPausedAsync(() =>
    {
        Interlocked.Exchange(ref _refreshFailuresSeen, _index.FailedRefreshes);
        return CommittedSequence;
    });

    /// <summary>
    /// Refuses writes from now on, and starts the recovery unless one runs: logged once a fault, not once a try.
    /// </summary>
    private void EnterStorageFault(Exception cause)
    {
        lock (_storageLock)
        {
            if (_storageFault is { } current)
            {
                Volatile.Write(ref _storageFault, current with { Cause = cause });
                LogStorageStillFailing(cause.Message);
                return;
            }

            if (_stopping.IsCancellationRequested)
            {
                return; // stopping: the next start applies what the last commit lacks
            }

            Volatile.Write(ref _storageFault, new StorageFault(cause, DateTimeOffset.UtcNow, _options.RetryDelay));
            LogStorageFault(cause, _options.RetryDelay.TotalSeconds);
            _recovery = Task.Run(RecoverAsync);
        }
    }

    /// <summary>
    /// Tries, with a growing pause, to apply everything since the last commit again and commit it: a commit that works
    /// is the proof that storage works again (a refresh alone may need no file). Then writes are taken again.
    /// </summary>
    private async Task RecoverAsync()
    {
        var pause = _options.RetryDelay;
        try
        {
            while (true)
            {
                await Task.Delay(pause, _stopping.Token).ConfigureAwait(false);
                try
                {
                    await ReapplySinceCommitAsync().ConfigureAwait(false);
                    await WaitAppliedAsync(_log.Statistics().LastSequence, _stopping.Token).ConfigureAwait(false);
                    CommitNow();
                    lock (_storageLock)
                    {
                        var fault = _storageFault!;
                        Volatile.Write(ref _storageFault, null);
                        LogStorageRecovered((DateTimeOffset.UtcNow - fault.Since).TotalSeconds, CommittedSequence);
                    }

                    return;
                }
                catch (Exception ex) when (Writing.StorageFault.IsStorageFailure(ex))
                {
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxRecoveryPause.Ticks));
                    lock (_storageLock)
                    {
                        Volatile.Write(ref _storageFault, _storageFault! with { RetryAfter = pause });
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException) when (Fault is not null)
        {
            // Following stopped for good meanwhile, and said why.
        }
        catch (Exception ex)
        {
            // The writer refuses commits whatever the storage does (Lucene.Net 4.8's, after an OutOfMemoryException).
            Stop(new WriterStoppedException(ex));
        }
    }

    /// <summary>The longest pause between two tries while storage fails: a fixed disk is noticed within it. A try is
    /// cheap (the changes since the last commit, applied again, and a commit), so writes need not wait long.</summary>
    private static readonly TimeSpan MaxRecoveryPause = TimeSpan.FromSeconds(10);

    private void FailWaiters(Exception exception)
    {
        lock (_waitersLock)
        {
            while (_waiters.TryDequeue(out var waiter, out _))
            {
                waiter.Completion.TrySetException(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed the index up to change {Sequence} in {ElapsedMs:F1} ms")]
    private partial void LogCommitted(long sequence, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing the index failed; the write-ahead log keeps every change since the last commit")]
    private partial void LogCommitFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The index folder cannot be written; searches go on, writes are refused and tried again from the last commit, first in {PauseSeconds:F0} s, with a growing pause")]
    private partial void LogStorageFault(Exception exception, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The index folder still cannot be written: {Reason}")]
    private partial void LogStorageStillFailing(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index folder takes writes again after {Seconds:F0} s; committed up to change {Sequence}, writes accepted")]
    private partial void LogStorageRecovered(double seconds, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrapping the index from the shared store failed; starting over in {PauseSeconds:F0} s")]
    private partial void LogBootstrapFailed(Exception exception, double pauseSeconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The index stopped applying writes")]
    private partial void LogFault(Exception exception);

    private sealed class RetainRelease(IndexFollower follower) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref follower._retainAfter, long.MaxValue);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
