using Microsoft.Extensions.Logging;
using Npgsql;
using Search.Core.Feeds;

namespace Search.Postgres.Feeds;

/// <summary>
/// Lets one node at a time poll a feed: a session-level PostgreSQL advisory lock keyed by the feed's URL, held on a
/// connection of its own for the whole poll. A node that dies mid-poll loses its connection and with it the lock, so
/// another node takes the feed at its next turn. While the database cannot be reached no node polls: its items could
/// not be written anyway.
/// </summary>
internal sealed partial class PostgresFeedLease(NpgsqlDataSource database, ILogger<PostgresFeedLease> logger) : IFeedLease
{
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(Uri feed, CancellationToken cancellationToken)
    {
        var key = AdvisoryLocks.Feed(feed);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                var held = new Held(connection, key);
                connection = null;
                return held;
            }

            return null;
        }
        catch (Exception ex) when (Connectivity.IsTransient(ex))
        {
            LogUnreachable(feed, ex.Message);
            return null;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not polling {Feed}: PostgreSQL, which decides which node polls it, cannot be reached ({Reason})")]
    private partial void LogUnreachable(Uri feed, string reason);

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                unlock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                await unlock.ExecuteScalarAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (Connectivity.IsTransient(ex))
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
