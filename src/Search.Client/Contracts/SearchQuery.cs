namespace Search.Client.Contracts;

/// <summary>
/// A <c>GET /api/search</c> request: every parameter the endpoint takes. What is left unset keeps the service's default
/// (page 1 of 10 hits, relevance order with a query and newest first without, highlights, facets and collapsed copies on).
/// </summary>
/// <param name="Text">The query as typed into a search box (words, <c>"exact phrases"</c>, <c>-excluded</c>,
/// <c>a OR b</c>, <c>prefix*</c>); null or empty browses by the filters, newest first.</param>
public sealed record SearchQuery(string? Text = null)
{
    /// <summary>1-based page number; not together with <see cref="After"/>.</summary>
    public int? Page { get; init; }

    /// <summary>Hits per page, 1–100.</summary>
    public int? PageSize { get; init; }

    /// <summary>The order of the hits.</summary>
    public SearchSort? Sort { get; init; }

    /// <summary>Only articles published at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only articles published at or before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only articles from any of these outlets (exact values).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only articles in any of these sections (exact values).</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Only articles carrying any of these tags (exact values).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The <see cref="SearchResults.NextCursor"/> of the previous page: the next page from the same index
    /// snapshot. <see cref="ISearchClient.SearchAllAsync"/> follows it for you.</summary>
    public string? After { get; init; }

    /// <summary>False leaves highlighting out (faster).</summary>
    public bool? Highlight { get; init; }

    /// <summary>False leaves facet counts out.</summary>
    public bool? Facets { get; init; }

    /// <summary>False shows every copy of a story as its own hit.</summary>
    public bool? Collapse { get; init; }

    /// <summary>With relevance order, multiplies scores by <c>1 + 2^(-age/halfLife)</c>, so the fresher of two equally
    /// relevant stories wins; sent in days.</summary>
    public TimeSpan? RecencyHalfLife { get; init; }
}
