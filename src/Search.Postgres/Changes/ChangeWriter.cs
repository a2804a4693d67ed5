using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Search.Core.Writing;

namespace Search.Postgres.Changes;

/// <summary>
/// Writes changes to PostgreSQL: the articles rows and their change_log entries in one transaction, answered only after
/// COMMIT. Appends that arrive while a transaction runs wait and go together in the next (group commit), so concurrent
/// writers on a node share one commit, as they share one fsync in the local log.
/// </summary>
/// <remarks>
/// <para>Positions come from the one change_counter row, which every writing transaction updates first. The row lock
/// serializes writers from its update to their COMMIT, so positions are handed out in commit order and a reader never
/// sees position n+1 committed while n is still to come: a follower reading "everything after n" skips nothing.
/// A BIGSERIAL would not do: two transactions take 7 and 8, 8 commits first, a follower reads 8 and moves past 7 for
/// good. The cost is that writes from all nodes commit one at a time; batching many changes per transaction is what
/// keeps that from being the bottleneck (a transaction-id watermark would let writers overlap, at the price of a far
/// subtler reader).</para>
/// <para>A rolled-back transaction also rolls back its counter update, so positions have no gaps.</para>
/// </remarks>
internal sealed partial class ChangeWriter : IAsyncDisposable
{
    public const string NotifyChannel = "search_changes";

    private const string UpsertSql =
        "INSERT INTO articles (id, version, doc) VALUES ($1, $2, $3) " +
        "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, doc = EXCLUDED.doc, updated_at = now() " +
        "RETURNING xmax = 0";

    private const string DeleteSql = "DELETE FROM articles WHERE id = $1 RETURNING true";

    private readonly NpgsqlDataSource _database;
    private readonly Func<Task> _ready;
    private readonly int _maxBatch;
    private readonly Action<long> _committed;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    // Whether the last write found the database out of reach: an outage is logged once, not at every write it refuses
    // (a six-second restart under two writers a node logged 176 stack traces). Only the write loop touches it.
    private bool _unreachable;

    /// <param name="ready">Completes once the schema is in place; faults when it never will be.</param>
    /// <param name="committed">Told the last position of each committed transaction.</param>
    public ChangeWriter(NpgsqlDataSource database, Func<Task> ready, int maxBatch, Action<long> committed, ILogger logger)
    {
        _database = database;
        _ready = ready;
        _maxBatch = maxBatch;
        _committed = committed;
        _logger = logger;
        _loop = Task.Run(WriteLoopAsync);
    }

    public Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> changes)
    {
        var pending = new PendingAppend(changes);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ChangeWriter));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var count = 0;
            while (count < _maxBatch && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Changes.Count;
            }

            try
            {
                try
                {
                    await CommitAsync(batch).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not UncertainCommitException && Connectivity.IsTransient(ex))
                {
                    // Nothing was committed. After a restart or a failover the pool holds connections to a server
                    // that is gone: drop them and try once more on a fresh one before telling the writers.
                    _database.Clear();
                    await CommitAsync(batch).ConfigureAwait(false);
                }
            }
            catch (PostgresException ex) when (batch.Count > 1 && !Connectivity.IsTransient(ex))
            {
                // The database refused a statement: one append is at fault, not all; each alone finds which.
                foreach (var pending in batch)
                {
                    try
                    {
                        await CommitAsync([pending]).ConfigureAwait(false);
                    }
                    catch (Exception single)
                    {
                        Fail([pending], single);
                    }
                }
            }
            catch (Exception ex)
            {
                Fail(batch, ex);
            }
        }
    }

    private void Fail(List<PendingAppend> batch, Exception exception)
    {
        // A refusal an operator mends (a grant revoked, a password rotated) is logged once, as an outage is: with a
        // stack trace at every refused write, five writes logged five.
        if (!Connectivity.IsPassing(exception))
        {
            LogWriteFailed(exception, batch.Sum(pending => pending.Changes.Count));
        }
        else if (!_unreachable)
        {
            _unreachable = true;
            LogWritesUnreachable(exception.Message);
        }

        var failure = exception as IOException ?? new IOException(
            Connectivity.IsTransient(exception)
                ? $"PostgreSQL could not be reached to commit the write ({exception.Message})."
                : $"PostgreSQL refused the write ({exception.Message}).",
            exception);
        foreach (var pending in batch)
        {
            pending.Completion.TrySetException(failure);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        try
        {
            await _ready().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new IOException("PostgreSQL cannot be reached yet (the service keeps trying).", ex);
        }

        var changes = batch.SelectMany(pending => pending.Changes).ToList();
        await using var connection = await _database.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        long last;
        await using (var counter = new NpgsqlCommand("UPDATE change_counter SET last_seq = last_seq + $1 RETURNING last_seq", connection, transaction))
        {
            counter.Parameters.Add(new NpgsqlParameter<long> { TypedValue = changes.Count });
            last = (long)(await counter.ExecuteScalarAsync().ConfigureAwait(false))!;
        }

        var first = last - changes.Count + 1;
        var outcomes = new ChangeOutcome[changes.Count];
        await using (var statements = new NpgsqlBatch(connection, transaction))
        {
            var sequences = new long[changes.Count];
            var ids = new string[changes.Count];
            var deleted = new bool[changes.Count];
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                sequences[i] = first + i;
                ids[i] = change.Id;
                deleted[i] = change.Kind == ChangeKind.Delete;
                var statement = new NpgsqlBatchCommand(deleted[i] ? DeleteSql : UpsertSql);
                statement.Parameters.Add(new NpgsqlParameter<string> { TypedValue = change.Id });
                if (!deleted[i])
                {
                    statement.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequences[i] });
                    statement.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ArticleJson.Write(change.Article!), NpgsqlDbType = NpgsqlDbType.Json });
                }

                statements.BatchCommands.Add(statement);
            }

            var log = new NpgsqlBatchCommand("INSERT INTO change_log (seq, article_id, deleted) SELECT * FROM unnest($1::bigint[], $2::text[], $3::boolean[])");
            log.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences });
            log.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
            log.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = deleted });
            statements.BatchCommands.Add(log);

            // Delivered to every listening node at COMMIT, and only then.
            var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{NotifyChannel}', $1)");
            notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = last.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            statements.BatchCommands.Add(notify);

            await using var reader = await statements.ExecuteReaderAsync().ConfigureAwait(false);
            for (var i = 0; i < changes.Count; i++)
            {
                var found = await reader.ReadAsync().ConfigureAwait(false);
                outcomes[i] = deleted[i]
                    ? found ? ChangeOutcome.Deleted : ChangeOutcome.NotFound
                    : reader.GetBoolean(0) ? ChangeOutcome.Created : ChangeOutcome.Updated;
                await reader.NextResultAsync().ConfigureAwait(false);
            }
        }

        try
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (Connectivity.IsTransient(ex))
        {
            throw new UncertainCommitException(ex);
        }

        _committed(last);
        if (_unreachable)
        {
            _unreachable = false;
            LogWritesResumed();
        }

        var offset = 0;
        foreach (var pending in batch)
        {
            var count = pending.Changes.Count;
            pending.Completion.TrySetResult(new AppendResult(new SequenceRange(first + offset, first + offset + count - 1), outcomes[offset..(offset + count)]));
            offset += count;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Changes} changes to PostgreSQL failed; their writers are told nothing was acknowledged")]
    private partial void LogWriteFailed(Exception exception, int changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL cannot take writes ({Reason}); writes are refused (503) until it can, and this is logged once")]
    private partial void LogWritesUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL takes writes again")]
    private partial void LogWritesResumed();

    /// <summary>The connection failed while COMMIT was on its way: the write may or may not be in the database, so it
    /// is not acknowledged (the writer retries; writes are keyed upserts) and not tried again here.</summary>
    private sealed class UncertainCommitException(Exception inner)
        : IOException($"The connection to PostgreSQL failed during COMMIT; the write may or may not be stored, so it is not acknowledged ({inner.Message}).", inner);

    private sealed class PendingAppend(IReadOnlyList<ArticleChange> changes)
    {
        public IReadOnlyList<ArticleChange> Changes { get; } = changes;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
