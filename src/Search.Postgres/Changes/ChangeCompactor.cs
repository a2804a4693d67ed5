using Npgsql;
using static Search.Postgres.SqlCommands;

namespace Search.Postgres.Changes;

/// <summary>
/// Keeps the change log from growing with every write: drops each change that a later change of the same article
/// supersedes, once the later one is older than a window. A follower behind by any amount still ends where the database
/// is: it reads the article's current row with whatever change names it (<see cref="ChangeReader"/>), so the change
/// kept applies what the dropped ones would have. One node compacts at a time (an advisory lock); each pass moves the
/// horizon (<c>change_counter.compacted_through</c>) at most <see cref="MaxPositionsPerPass"/> positions forward, so a first pass
/// over a long log does not hold one long transaction.
/// </summary>
internal static class ChangeCompactor
{
    /// <summary>Positions one pass looks at, at most.</summary>
    public const int MaxPositionsPerPass = 100_000;

    /// <returns>The changes dropped and the new horizon; (0, the old horizon) when nothing is old enough, (0, -1) when
    /// another node is compacting.</returns>
    public static async Task<(long Dropped, long Horizon)> CompactAsync(NpgsqlDataSource database, TimeSpan keepNewerThan, CancellationToken cancellationToken, int maxPositions = MaxPositionsPerPass)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_xact_lock($1)", cancellationToken, AdvisoryLocks.Compaction).ConfigureAwait(false))
        {
            return (0, -1);
        }

        // Not FOR UPDATE: every write updates this row, and holding it through the delete would stall them all. The
        // advisory lock is what keeps two passes apart.
        var previous = await ScalarAsync<long>(connection, "SELECT compacted_through FROM change_counter", cancellationToken).ConfigureAwait(false);

        // Positions follow commit order, and written_at is the writing transaction's start: the newest position old
        // enough is found by a range scan of the primary key, no index on the time needed.
        var horizon = await ScalarAsync<long?>(
            connection,
            "SELECT max(seq) FROM change_log WHERE seq > $1 AND seq <= $1 + $2 AND written_at < now() - $3",
            cancellationToken,
            previous,
            (long)maxPositions,
            keepNewerThan).ConfigureAwait(false) ?? previous;
        if (horizon <= previous)
        {
            return (0, previous);
        }

        // Every change that a change between the old and the new horizon supersedes, wherever it is: a gap appears at or
        // below the new horizon only, which is where readers accept one.
        var dropped = await ExecuteAsync(
            connection,
            "DELETE FROM change_log c USING change_log later WHERE later.seq > $1 AND later.seq <= $2 AND c.article_id = later.article_id AND c.seq < later.seq",
            cancellationToken,
            previous,
            horizon).ConfigureAwait(false);
        await ExecuteAsync(connection, "UPDATE change_counter SET compacted_through = $1", cancellationToken, horizon).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (dropped, horizon);
    }
}
