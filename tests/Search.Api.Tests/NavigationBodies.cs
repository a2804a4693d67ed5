namespace Search.Api.Tests;

/// <summary>The <c>GET /api/search</c> body with the navigation fields: sort, cursor, facets and collapsed copies.</summary>
internal sealed record NavigationResultsBody(
    string? Query,
    int Total,
    int Page,
    int PageSize,
    string Sort,
    IReadOnlyList<NavigationHitBody> Hits,
    string? NextCursor,
    FacetsBody? Facets)
{
    public IReadOnlyList<string> Ids => [.. Hits.Select(hit => hit.Id)];
}

internal sealed record NavigationHitBody(
    string Id,
    string Title,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    float Score,
    int Duplicates,
    IReadOnlyList<string>? DuplicateIds);

internal sealed record FacetsBody(IReadOnlyList<FacetValueBody> Source, IReadOnlyList<FacetValueBody> Section, IReadOnlyList<FacetValueBody> Month);

internal sealed record FacetValueBody(string Value, int Count);

/// <summary>The <c>GET /api/articles/{id}/related</c> body.</summary>
internal sealed record RelatedBody(string Id, IReadOnlyList<NavigationHitBody> Hits);
