namespace Search.Postgres;

/// <summary>How a node reaches the shared PostgreSQL store and follows it.</summary>
/// <param name="ConnectionString">An Npgsql connection string. Several hosts with <c>Target Session Attributes=read-write</c>
/// find the primary again after a failover.</param>
public sealed record PostgresStoreOptions(string ConnectionString)
{
    /// <summary>How often the change log is read when no notification came: the fallback that bounds the lag when
    /// <c>LISTEN</c>/<c>NOTIFY</c> is lost (a dropped connection, a proxy that does not pass it).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most changes read from the log at once.</summary>
    public int ReadBatch { get; init; } = 1_000;

    /// <summary>Most changes written in one transaction: concurrent writes on a node share one commit up to this.</summary>
    public int WriteBatch { get; init; } = 5_000;

    /// <summary>How old a change must be before compaction may drop it, once a later change of the same article
    /// supersedes it (<see cref="Changes.ChangeCompactor"/>); <see cref="Timeout.InfiniteTimeSpan"/> keeps every
    /// change.</summary>
    public TimeSpan CompactAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often a node tries to compact the change log (one node at a time does).</summary>
    public TimeSpan CompactInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest pause between attempts to reach the database again.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);
}
