using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Search.Postgres.Changes;

/// <summary>
/// Listens on the change channel (<c>LISTEN</c>) on a connection of its own and wakes the readers of the log at each
/// commit, reconnecting with a growing pause when the connection drops (a restart, a failover). Readers also poll, so
/// a notification lost while disconnected only delays them.
/// </summary>
internal sealed partial class ChangeNotifications : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly Func<Task> _ready;
    private readonly Action<long> _committed;
    private readonly TimeSpan _maxPause;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private TaskCompletionSource _next = NewSignal();

    /// <param name="committed">Told the last position each notification announces.</param>
    public ChangeNotifications(NpgsqlDataSource database, Func<Task> ready, Action<long> committed, TimeSpan maxPause, ILogger logger)
    {
        _database = database;
        _ready = ready;
        _committed = committed;
        _maxPause = maxPause;
        _logger = logger;
        _loop = Task.Run(ListenLoopAsync);
    }

    /// <summary>Completes at the next notification (or reconnection, after which some may have been missed).</summary>
    public Task Next
    {
        get
        {
            lock (_lock)
            {
                return _next.Task;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private void Wake()
    {
        TaskCompletionSource woken;
        lock (_lock)
        {
            woken = _next;
            _next = NewSignal();
        }

        woken.TrySetResult();
    }

    private async Task ListenLoopAsync()
    {
        var backoff = new Backoff(_maxPause);
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _ready().WaitAsync(token).ConfigureAwait(false);
                await using var connection = await _database.OpenConnectionAsync(token).ConfigureAwait(false);
                connection.Notification += (_, notification) =>
                {
                    if (long.TryParse(notification.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
                    {
                        _committed(last);
                    }

                    Wake();
                };
                // A server's idle_session_timeout ends a session that waits longer, and this one only waits: with 3 s
                // it was cut off every 3 s, a warning each time and notifications missed in between. LISTEN again (a
                // no-op) at half the timeout keeps it open.
                var idleLimitMs = await SqlCommands.ScalarAsync<int>(
                    connection, "SELECT coalesce((SELECT setting::int FROM pg_settings WHERE name = 'idle_session_timeout'), 0)", token).ConfigureAwait(false);
                var keepAliveMs = idleLimitMs > 0 ? Math.Max(idleLimitMs / 2, 1) : Timeout.Infinite;
                await using var listen = new NpgsqlCommand($"LISTEN {ChangeWriter.NotifyChannel}", connection);
                await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                backoff.Reset();
                Wake(); // whatever committed while no one listened
                while (true)
                {
                    if (!await connection.WaitAsync(keepAliveMs, token).ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Also a faulted ready (the schema could not be made): the readers report that themselves.
                var pause = backoff.Next();
                LogListenFailed(ex.Message, pause.TotalMilliseconds);
                try
                {
                    await Task.Delay(pause, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for changes in PostgreSQL failed ({Reason}); trying again in {PauseMs:F0} ms, polling meanwhile")]
    private partial void LogListenFailed(string reason, double pauseMs);
}
