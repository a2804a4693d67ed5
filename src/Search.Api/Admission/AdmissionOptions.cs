using System.ComponentModel.DataAnnotations;

namespace Search.Api.Admission;

/// <summary>
/// The <c>Search:Admission</c> section: how many searches run at once in each lane, how many may wait, and how long.
/// Past that the service answers 503 with <c>Retry-After</c> at once: a fast refusal lets a client or load balancer go
/// elsewhere, where a slow answer would hold every request behind it.
/// </summary>
public sealed class AdmissionOptions
{
    public const string Section = "Search:Admission";

    /// <summary>Light searches at once; 0 means twice the cores (searches spend part of their time waiting on I/O).</summary>
    [Range(0, 4096)]
    public int LightConcurrency { get; set; }

    /// <summary>Heavy searches at once; 0 means half the cores, at least one, so they never take every core.</summary>
    [Range(0, 4096)]
    public int HeavyConcurrency { get; set; }

    /// <summary>Searches that may wait in each lane; beyond them, 503 at once.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 64;

    /// <summary>The longest a search waits for its turn before a 503.</summary>
    [Range(1, 60_000)]
    public int QueueTimeoutMs { get; set; } = 500;

    /// <summary>Requests a second per client address (token bucket, bursts of twice that); 0 turns it off (default):
    /// behind a proxy every client shares one address unless forwarded headers are configured.</summary>
    [Range(0, 100_000)]
    public int RequestsPerSecondPerClient { get; set; }
}
