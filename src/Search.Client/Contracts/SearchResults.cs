namespace Search.Client.Contracts;

/// <summary>One page of a search.</summary>
/// <param name="Query">The query as sent; null for a browse.</param>
/// <param name="Total">How many articles match in all (copies of one story counted separately).</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">Hits asked for per page.</param>
/// <param name="TookMs">Time spent in the engine, in milliseconds.</param>
/// <param name="Sort">The order used.</param>
/// <param name="Hits">This page's hits, best first.</param>
/// <param name="NextCursor">Send as <see cref="SearchQuery.After"/> for the next page; null on the last page and
/// when the search timed out.</param>
/// <param name="Facets">Counts over all matches; null when not asked for.</param>
public sealed record SearchResults(
    string? Query,
    int Total,
    int Page,
    int PageSize,
    double TookMs,
    SearchSort Sort,
    IReadOnlyList<SearchHit> Hits,
    string? NextCursor,
    FacetCounts? Facets)
{
    /// <summary>The search ran out of its time budget: hits, total and facets cover only what was found by then, and
    /// there is no cursor.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Where the time went.</summary>
    public SearchTimings? Timings { get; init; }

    /// <summary>The whole query corrected, when the service thinks it was mistyped; null otherwise.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>True when nothing was searched because every word of the query is a stop word, too common to search
    /// for (في من): ask the reader for more specific words rather than report no results.</summary>
    public bool OnlyStopWords { get; init; }
}
