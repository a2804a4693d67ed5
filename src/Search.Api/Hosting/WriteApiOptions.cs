using System.ComponentModel.DataAnnotations;
using Search.Core.Ingestion;

namespace Search.Api.Hosting;

/// <summary>The <c>Search:Writes</c> section: limits of the write API and how often the index commits.</summary>
public sealed class WriteApiOptions
{
    public const string Section = "Search:Writes";

    /// <summary>Largest body of <c>PUT /api/articles/{id}</c>, and of one line of a bulk request; feed items over it
    /// are skipped (<see cref="ArticleSizeLimit"/>).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxArticleBytes { get; set; } = ArticleSizeLimit.DefaultMaxBytes;

    /// <summary>Largest body of <c>POST /api/articles/_bulk</c>.</summary>
    [Range(1_024, 1024 * 1024 * 1024)]
    public long MaxBulkBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most lines in one bulk request.</summary>
    [Range(1, 1_000_000)]
    public int MaxBulkLines { get; set; } = 10_000;

    /// <summary>Request bodies the write endpoints hold at once, summed (each counted at its <c>Content-Length</c>, or
    /// at its endpoint's limit when it has none); a write past it gets 503 <c>overloaded</c> with <c>Retry-After</c>.</summary>
    [Range(1_024, 64L * 1024 * 1024 * 1024)]
    public long MaxPendingBytes { get; set; } = 128 * 1024 * 1024;

    /// <summary>Changes (articles written or deleted) the write endpoints have taken and the index has not applied yet,
    /// summed; a write past it gets 503 <c>writes_overloaded</c> with <c>Retry-After</c>, nothing written. It bounds how
    /// long a write waits behind others: the index applies 7,000–10,000 changes a second on 2 cores, so 20,000 is 2–3 s.
    /// One bulk larger than it is let in alone.</summary>
    [Range(1, 10_000_000)]
    public int MaxPendingArticles { get; set; } = 20_000;

    /// <summary>Slowest a write's body may arrive, on average after its first 10 s; a slower one is cut off with 408
    /// <c>request_timeout</c>. It bounds how long a body holds its place under <see cref="MaxPendingBytes"/>: 32 KiB/s
    /// brings a 1 MB article within 40 s and a 32 MB bulk within 17 minutes.</summary>
    [Range(1_024, 1024 * 1024 * 1024)]
    public double MinBodyBytesPerSecond { get; set; } = 32 * 1024;

    /// <summary>How often applied writes are committed to the index; bounds what a restart replays from the log.</summary>
    [Range(1, 3_600)]
    public int CommitIntervalSeconds { get; set; } = 10;

    /// <summary>Threads that apply logged changes to the index at once; blank for the engine's default.</summary>
    [Range(1, 64)]
    public int? ApplyThreads { get; set; }

    /// <summary>The write-ahead log folder, relative to the content root unless absolute; blank keeps it in the
    /// index folder's <c>translog</c> subfolder.</summary>
    public string? LogPath { get; set; }
}
