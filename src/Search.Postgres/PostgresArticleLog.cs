using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Search.Core.Feeds;
using Search.Core.Ingestion;
using Search.Core.Writing;
using Search.Postgres.Changes;
using Search.Postgres.Feeds;
using Search.Postgres.Schema;

namespace Search.Postgres;

/// <summary>
/// The <see cref="ISharedArticleLog"/> of nodes that share one PostgreSQL database: writes go into the articles table
/// and the change log in one transaction (<see cref="ChangeWriter"/>); every node follows the change log, woken by
/// <c>LISTEN/NOTIFY</c> and polling as the fallback; an empty node loads the articles table first. The schema is
/// migrated at start (<see cref="SchemaMigrator"/>).
/// </summary>
/// <remarks>Thread-safe. Survives the database restarting or failing over: connecting, migrating, listening and
/// following are retried with a growing pause; writes meanwhile fail with <see cref="IOException"/> (not acknowledged).
/// The change log is never trimmed: a row is about 60 bytes, and a node can always catch up from any position.</remarks>
public sealed partial class PostgresArticleLog : ISharedArticleLog
{
    private readonly NpgsqlDataSource _database;
    private readonly PostgresStoreOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _ready;
    private readonly ChangeWriter _writer;
    private readonly ChangeNotifications _notifications;
    private readonly Task _compaction;
    private string? _identity;

    // Why the database has not let this node in yet (no such database, a wrong password, a missing grant): said by
    // writes and the lag probe at once instead of after their deadline; null once in, or while it is simply out of reach.
    private volatile string? _refusal;

    // Why the database could not be reached at the last try before the schema was ready, null once it was: the lag
    // probe and writes say so at once rather than wait on the next try, as they do once the node was in (a readiness
    // probe waited out its 2 s deadline, past the 1 s a Kubernetes probe allows by default).
    private volatile string? _outage;
    private long _head;
    private long _checkpoint;
    private int _disposed;

    private PostgresArticleLog(NpgsqlDataSource database, PostgresStoreOptions options, ILoggerFactory loggers)
    {
        _database = database;
        _options = options;
        _logger = loggers.CreateLogger<PostgresArticleLog>();
        _ready = Task.Run(PrepareAsync);
        _writer = new ChangeWriter(database, ReadyOrRefused, options.WriteBatch, Advance, loggers.CreateLogger<ChangeWriter>());
        _notifications = new ChangeNotifications(database, () => _ready, Advance, options.MaxReconnectDelay, loggers.CreateLogger<ChangeNotifications>());
        FeedLease = new PostgresFeedLease(database, loggers.CreateLogger<PostgresFeedLease>());
        _compaction = options.CompactAfter == Timeout.InfiniteTimeSpan ? Task.CompletedTask : Task.Run(CompactLoopAsync);
    }

    /// <summary>Connects to the database in the background (the node starts even while it is down) and migrates the
    /// schema there before the first read or write.</summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static PostgresArticleLog Open(PostgresStoreOptions options, ILoggerFactory? loggers = null)
    {
        var database = new NpgsqlDataSourceBuilder(options.ConnectionString) { Name = "search" }.Build();
        return new PostgresArticleLog(database, options, loggers ?? NullLoggerFactory.Instance);
    }

    /// <summary>The lease that lets one node at a time poll a feed (a PostgreSQL advisory lock per feed).</summary>
    public IFeedLease FeedLease { get; }

    /// <summary>Completes once the database was reached and its schema is current; faults when it cannot be made so.</summary>
    public Task Ready => _ready;

    /// <summary><see cref="Ready"/>, or a fault naming the refusal while the database keeps this node out.</summary>
    private Task ReadyOrRefused() =>
        _ready.IsCompleted ? _ready
        : _refusal is { } refusal ? Task.FromException(new IOException($"PostgreSQL refuses this node ({refusal}); it is let in as soon as that is fixed, without a restart."))
        : _outage is { } outage ? Task.FromException(new IOException($"PostgreSQL cannot be reached yet ({outage}); the service keeps trying."))
        : _ready;

    public Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(changes));
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Not cancellable once queued: an acknowledged-or-not answer must match what the database holds.
        return _writer.AppendAsync(changes);
    }

    public async IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        var position = afterSequence;
        var backoff = new Backoff(_options.MaxReconnectDelay);
        var unreachable = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var notified = _notifications.Next;
            List<LoggedChange> batch;
            try
            {
                (batch, var head, var store) = await ChangeReader.ReadAsync(_database, position, _options.ReadBatch, cancellationToken).ConfigureAwait(false);
                if (store.ToString() != _identity)
                {
                    throw new ForeignLogException(
                        $"The node followed store {_identity} up to change {position}, and now reaches another database (store {store}): a database re-created under the same name, or a host that is not this store's. It follows nothing rather than mix the two. Point the node back at its own database, or empty the index folder to load this one.");
                }

                Advance(head);
                if (position > head)
                {
                    throw new ForeignLogException(
                        $"The index holds changes up to {position}, but the database's change log ends at {head}: the index follows another database, or one restored from an older backup. Empty the index folder to load this database anew.");
                }

                if (unreachable)
                {
                    LogReconnected(position);
                    unreachable = false;
                }

                backoff.Reset();
            }
            catch (Exception ex) when (Connectivity.IsPassing(ex) && !cancellationToken.IsCancellationRequested)
            {
                var pause = backoff.Next();
                if (!unreachable)
                {
                    LogFollowInterrupted(ex.Message, position);
                    unreachable = true;
                }

                _database.Clear();
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Count > 0)
            {
                position = batch[^1].Sequence;
                yield return batch;
                continue;
            }

            await Task.WhenAny(notified, Task.Delay(_options.PollInterval, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<ArticleSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One snapshot for the position and the rows: the rows hold exactly the changes up to the position.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

            // The rows are read as fast as the node indexes them, for minutes on a large table: a statement_timeout set
            // for the role or the database (hosted ones set one) cancelled the load every time, so an empty node never
            // joined. This transaction only.
            await SqlCommands.ExecuteAsync(connection, "SET LOCAL statement_timeout = 0", cancellationToken).ConfigureAwait(false);
            long sequence;
            long count;
            await using (var head = new NpgsqlCommand("SELECT last_seq, (SELECT count(*) FROM articles) FROM change_counter", connection, transaction))
            await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                sequence = reader.GetInt64(0);
                count = reader.GetInt64(1);
            }

            var rows = new NpgsqlCommand("SELECT id, version, doc FROM articles", connection, transaction);
            var stream = await rows.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            return new ArticleSnapshot(sequence, count, Read(stream), new SnapshotRead(connection, transaction, rows, stream));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<string> IdentityAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _identity!;
    }

    public async Task<ReplicationLag> LagAsync(long appliedSequence, CancellationToken cancellationToken)
    {
        await ReadyOrRefused().WaitAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _database.CreateCommand(
            "SELECT last_seq, (SELECT extract(epoch FROM now() - written_at)::float8 FROM change_log WHERE seq > $1 ORDER BY seq LIMIT 1) FROM change_counter");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = appliedSequence });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var head = reader.GetInt64(0);
        Advance(head);
        var behind = reader.IsDBNull(1) ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1)));
        return new ReplicationLag(head, Math.Max(0, head - appliedSequence), behind);
    }

    /// <summary>The database keeps every change; a commit on this node changes nothing there.</summary>
    public void Checkpoint(long sequence)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _checkpoint);
        }
        while (sequence > seen && Interlocked.CompareExchange(ref _checkpoint, sequence, seen) != seen);
    }

    /// <summary>The last position this node has seen committed (by itself, by a notification or by a read).</summary>
    public ArticleLogStatistics Statistics() => new(Interlocked.Read(ref _head), Interlocked.Read(ref _checkpoint), Files: 0, Bytes: 0);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _notifications.DisposeAsync().ConfigureAwait(false);
        await _compaction.ConfigureAwait(false);
        try
        {
            await _ready.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException || Connectivity.IsTransient(ex) || ex is InvalidOperationException or PostgresException)
        {
            // Reported when it happened.
        }

        await _database.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Advance(long head)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _head);
        }
        while (head > seen && Interlocked.CompareExchange(ref _head, head, seen) != seen);
    }

    private async Task PrepareAsync()
    {
        var backoff = new Backoff(_options.MaxReconnectDelay);
        var reported = false;
        while (true)
        {
            try
            {
                await SchemaMigrator.MigrateAsync(_database, _logger, _stopping.Token).ConfigureAwait(false);
                await using (var connection = await _database.OpenConnectionAsync(_stopping.Token).ConfigureAwait(false))
                {
                    _identity = (await SqlCommands.ScalarAsync<Guid>(connection, "SELECT store_id FROM change_counter", _stopping.Token).ConfigureAwait(false)).ToString();
                }

                _refusal = null;
                _outage = null;
                LogConnected(SchemaMigrator.LatestVersion, _identity);
                return;
            }
            catch (Exception ex) when (Connectivity.IsTransient(ex) && !_stopping.IsCancellationRequested)
            {
                if (!reported)
                {
                    LogUnreachable(ex.Message);
                    reported = true;
                }

                _refusal = null;
                _outage = ex.Message;
                _database.Clear();
                await Task.Delay(backoff.Next(), _stopping.Token).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (Connectivity.IsFixableRefusal(ex) && !_stopping.IsCancellationRequested)
            {
                // A database created after the node, a password or grant set later: asked again, never a restart.
                if (_refusal != ex.Message)
                {
                    LogRefused(ex.Message);
                }

                _refusal = ex.Message;
                _outage = null;
                _database.Clear();
                await Task.Delay(backoff.Next(), _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSchemaFailed(ex);
                throw;
            }
        }
    }

    /// <summary>One compaction pass now (tests, operators' tools); the node also runs them every
    /// <see cref="PostgresStoreOptions.CompactInterval"/>.</summary>
    internal async Task<(long Dropped, long Horizon)> CompactAsync(TimeSpan keepNewerThan, CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await ChangeCompactor.CompactAsync(_database, keepNewerThan, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompactLoopAsync()
    {
        // A schema that could not be prepared was reported then, and stops following and writes too: nothing to add.
        await _ready.WaitAsync(_stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_ready.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            while (true)
            {
                try
                {
                    var (dropped, horizon) = await ChangeCompactor.CompactAsync(_database, _options.CompactAfter, _stopping.Token).ConfigureAwait(false);
                    if (dropped > 0)
                    {
                        LogCompacted(dropped, horizon);
                    }
                }
                catch (Exception ex) when (Connectivity.IsPassing(ex) && !_stopping.IsCancellationRequested)
                {
                    // The follower reports the database's absence or refusal; the next pass tries again.
                }

                await Task.Delay(_options.CompactInterval, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex) when (ex is InvalidOperationException or PostgresException)
        {
            // Compaction itself failed: following goes on.
            LogCompactionStopped(ex.Message);
        }
    }

    private static IEnumerable<IngestResult> Read(NpgsqlDataReader rows)
    {
        while (rows.Read())
        {
            var id = rows.GetString(0);
            var version = rows.GetInt64(1);
            yield return IngestResult.Stored(ArticleJson.Read(rows.GetString(2), id), version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to PostgreSQL; the search schema is at version {Version}, store {Store}")]
    private partial void LogConnected(int version, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot be reached ({Reason}); trying again with a growing pause, searches go on")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL refuses this node ({Reason}); asking again with a growing pause until it is let in, searches go on")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The search schema could not be brought up to date; writes and following stop")]
    private partial void LogSchemaFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the change log was interrupted at change {Position} ({Reason}); trying again with a growing pause")]
    private partial void LogFollowInterrupted(string reason, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the change log: dropped {Dropped} superseded changes up to change {Horizon}")]
    private partial void LogCompacted(long dropped, long horizon);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compaction of the change log stopped on this node ({Reason}); the log keeps growing until a node restarts it")]
    private partial void LogCompactionStopped(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Following the change log again from change {Position}")]
    private partial void LogReconnected(long position);

    /// <summary>The connection, transaction and reader of a snapshot being streamed; disposed in reverse.</summary>
    private sealed class SnapshotRead(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand command, NpgsqlDataReader reader) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                await command.DisposeAsync().ConfigureAwait(false);
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (Connectivity.IsTransient(ex))
            {
                // The connection broke (that may be why the snapshot ends); it goes with the connection.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
