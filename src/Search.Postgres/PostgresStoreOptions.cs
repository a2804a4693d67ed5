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

    /// <summary>The longest pause between attempts to reach the database again.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);
}
