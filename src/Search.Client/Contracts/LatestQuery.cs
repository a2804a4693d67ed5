namespace Search.Client.Contracts;

/// <summary>A <c>GET /api/latest</c> request: the newest stories, optionally of some sources or sections.</summary>
public sealed record LatestQuery
{
    /// <summary>How many stories, 1–100 (the service's default is 20).</summary>
    public int? Size { get; init; }

    /// <summary>Only stories from any of these outlets (exact values).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only stories in any of these sections (exact values).</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];
}
