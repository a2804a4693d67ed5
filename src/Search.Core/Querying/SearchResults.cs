using System.Text.Json.Serialization;

namespace Search.Core.Querying;

/// <summary>One page of ranked hits.</summary>
/// <param name="Query">The query as given; null for a browse.</param>
/// <param name="Total">How many articles match in all (copies of one story counted separately).</param>
/// <param name="TookMs">Time spent in the engine, in milliseconds.</param>
/// <param name="Sort">The order used.</param>
/// <param name="NextCursor">Pass as <c>after</c> for the next page; null when this page is the last.</param>
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
    /// <summary>The search ran out of its time budget (<see cref="Indexing.NewsIndexOptions.SearchTimeout"/>): the hits,
    /// total and facets cover only the documents reached by then, and no cursor is given.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Where the time went, for slow-query logs and clients tuning their queries.</summary>
    public SearchTimings? Timings { get; init; }

    /// <summary>
    /// The whole query corrected, as the articles write its words, when it has words the index does not know, or finds
    /// little and a much more common spelling exists; the user's operators and other words stay as typed. Null (and
    /// left out of JSON) otherwise, and always for a correctly spelt query.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DidYouMean { get; init; }

    /// <summary>
    /// True when nothing was searched because every word of the query is a stop word, too common to search for (في من,
    /// هل ما): the total is 0, and the reader should use more specific words. False (and left out of JSON) otherwise,
    /// including for a query of exclusions only.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnlyStopWords { get; init; }
}

/// <summary>A search's time in its three parts, in milliseconds: turning the query into Lucene clauses (term lookups,
/// word variants, corrections of unknown words), finding and counting matches (with facets and sorting), and loading,
/// collapsing and highlighting the page's hits (with the did-you-mean, when one is looked for).</summary>
public sealed record SearchTimings(double QueryMs, double MatchMs, double HitsMs);

/// <summary>One ranked article with its highlights.</summary>
/// <param name="Duplicates">How many other copies of this story (near-identical text) the hit stands for.</param>
/// <param name="DuplicateIds">Their ids, best ranked first.</param>
public sealed record SearchHit(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    float Score,
    HitHighlights Highlights,
    int Duplicates = 0,
    IReadOnlyList<string>? DuplicateIds = null);

/// <summary>HTML-escaped text with matched words wrapped in <c>&lt;mark&gt;</c>: the whole title, and body passages.</summary>
public sealed record HitHighlights(string Title, IReadOnlyList<string> Snippets);
