namespace Search.Api.Tests;

/// <summary>The <c>GET /api/latest</c> body as a client reads it.</summary>
internal sealed record LatestBody(IReadOnlyList<LatestHitBody> Hits, IReadOnlyList<FacetValueBody> Sources, IReadOnlyList<FacetValueBody> Sections);

internal sealed record LatestHitBody(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    HighlightsBody Highlights,
    int Duplicates,
    IReadOnlyList<string>? DuplicateIds);
