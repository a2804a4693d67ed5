using Npgsql;
using Search.Core.Writing;

namespace Search.Postgres.Changes;

/// <summary>Reads the change log after a position, each change with its article's current row.</summary>
internal static class ChangeReader
{
    // The store id with every read: a reconnection may reach another database (a name reused, a host list or DNS
    // pointing elsewhere), whose positions mean other changes.
    private const string HeadSql = "SELECT last_seq, compacted_through, store_id FROM change_counter";

    // The article's current row, not the one this change wrote (that may be replaced since): a change superseded by a
    // later one is applied with the later content, which the later change applies again. The index passes through no
    // state the database did not hold for long, and ends where the database is.
    private const string ChangesSql =
        "SELECT c.seq, c.article_id, a.version, a.doc FROM change_log c LEFT JOIN articles a ON a.id = c.article_id " +
        "WHERE c.seq > $1 ORDER BY c.seq LIMIT $2";

    /// <returns>The changes after <paramref name="after"/> up to the first gap (there should be none), the last
    /// position given out, and the id of the store read.</returns>
    public static async Task<(List<LoggedChange> Changes, long Head, Guid Store)> ReadAsync(NpgsqlDataSource database, long after, int limit, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(HeadSql));
        var changes = new NpgsqlBatchCommand(ChangesSql);
        changes.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        changes.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        batch.BatchCommands.Add(changes);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var head = reader.GetInt64(0);
        var compactedThrough = reader.GetInt64(1);
        var store = reader.GetGuid(2);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);

        var read = new List<LoggedChange>();
        var expected = after + 1;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var sequence = reader.GetInt64(0);
            // Positions come from change_counter without a gap; compaction leaves gaps only at or below its horizon. Any
            // other gap (compaction moved on between the two reads) stops the batch short rather than skip a change.
            if (sequence != expected && sequence - 1 > compactedThrough)
            {
                break;
            }

            expected = sequence + 1;
            var id = reader.GetString(1);
            read.Add(reader.IsDBNull(2)
                ? new LoggedChange(sequence, ArticleChange.Delete(id))
                : new LoggedChange(sequence, ArticleChange.Upsert(ArticleJson.Read(reader.GetString(3), id))) { Version = reader.GetInt64(2) });
        }

        return (read, head, store);
    }
}
