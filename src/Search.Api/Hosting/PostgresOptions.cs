using System.ComponentModel.DataAnnotations;
using Search.Postgres;

namespace Search.Api.Hosting;

/// <summary>The <c>Search:Postgres</c> section, read when <c>Search:Store</c> is <c>postgres</c>.</summary>
public sealed class PostgresOptions
{
    public const string Section = "Search:Postgres";

    /// <summary>An Npgsql connection string; for a primary with standbys list every host and add
    /// <c>Target Session Attributes=read-write</c>, so the node finds the new primary after a failover.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often the change log is read when no notification arrives (the fallback to LISTEN/NOTIFY).</summary>
    [Range(50, 60_000)]
    public int PollIntervalMs { get; set; } = 1_000;

    /// <summary>How far behind the database (the age of the oldest change not yet applied) a node may fall and still
    /// be ready for searches.</summary>
    [Range(0.1, 86_400)]
    public double MaxLagSeconds { get; set; } = 30;

    /// <summary>The longest a change applied on this node waits before searches see it. Shorter than a single node's
    /// second: a write reaches the other nodes through the database first (lag p50 30–76 ms, p99 230–580 ms at 50–500
    /// writes/s on a busy 2-core machine, benchmarks/README.md), and with 500 ms a write was searchable on two other
    /// nodes after 1,043 ms once in ten under load 19; 250 ms leaves room for both within a second.</summary>
    [Range(50, 60_000)]
    public int RefreshIntervalMs { get; set; } = 250;

    /// <summary>Most changes one transaction writes: concurrent writes on a node share a commit up to this.</summary>
    [Range(1, 100_000)]
    public int WriteBatch { get; set; } = 5_000;

    /// <summary>How old a change must be before it may be dropped from the change log once a later change of the same
    /// article supersedes it: the log then grows with the articles, not with every write.</summary>
    [Range(1, 5_256_000)]
    public int CompactAfterMinutes { get; set; } = 60;

    public PostgresStoreOptions ToStoreOptions() => new(ConnectionString!)
    {
        PollInterval = TimeSpan.FromMilliseconds(PollIntervalMs),
        WriteBatch = WriteBatch,
        CompactAfter = TimeSpan.FromMinutes(CompactAfterMinutes),
    };
}
