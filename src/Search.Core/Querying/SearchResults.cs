namespace Search.Core.Querying;

/// <summary>One page of ranked hits.</summary>
/// <param name="Total">How many articles match in all.</param>
/// <param name="TookMs">Time spent in the engine, in milliseconds.</param>
public sealed record SearchResults(string Query, int Total, int Page, int PageSize, double TookMs, IReadOnlyList<SearchHit> Hits);

/// <summary>One ranked article with its highlights.</summary>
public sealed record SearchHit(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    float Score,
    HitHighlights Highlights);

/// <summary>HTML-escaped text with matched words wrapped in <c>&lt;mark&gt;</c>: the whole title, and body passages.</summary>
public sealed record HitHighlights(string Title, IReadOnlyList<string> Snippets);
