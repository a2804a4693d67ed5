using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Search.Core.Querying;

namespace Search.Api.Contracts;

/// <summary>Query-string parameters of <c>GET /api/search</c>; the limits live in <see cref="SearchRequest.Validate"/>.</summary>
public sealed record SearchParameters
{
    [FromQuery(Name = "q")]
    [Description("What to search for: words, \"exact phrases\", -excluded words, OR between alternatives, word* prefixes (at most 5). 1–1000 characters (an emoji or a letter with its vowel marks counts once). Leave out (or empty) to browse by filters, newest first.")]
    public string? Q { get; init; }

    [FromQuery(Name = "page")]
    [Description("1-based page number (default 1); page × pageSize may reach 10,000.")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Hits per page, 1–100 (default 10).")]
    public int? PageSize { get; init; }

    [FromQuery(Name = "sort")]
    [Description("relevance (default with q), newest (default without q, and for a q of exclusions only) or oldest.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "from")]
    [Description("Only articles published at or after this date-time (ISO 8601, e.g. 2024-01-01 or 2024-01-01T00:00:00+03:00).")]
    public DateTimeOffset? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Only articles published at or before this date-time (ISO 8601).")]
    public DateTimeOffset? To { get; init; }

    [FromQuery(Name = "source")]
    [Description("Only these outlets (repeatable, up to 100; exact value).")]
    public string[]? Source { get; init; }

    [FromQuery(Name = "section")]
    [Description("Only these sections (repeatable, up to 100; exact value).")]
    public string[]? Section { get; init; }

    [FromQuery(Name = "tag")]
    [Description("Only articles with any of these tags (repeatable, up to 100; exact value).")]
    public string[]? Tag { get; init; }

    [FromQuery(Name = "after")]
    [Description("Cursor for the next page: the nextCursor of the previous response. Pages any depth at constant cost; not with page.")]
    public string? After { get; init; }

    [FromQuery(Name = "highlight")]
    [Description("false returns hits without highlighting (faster); default true.")]
    public bool? Highlight { get; init; }

    [FromQuery(Name = "facets")]
    [Description("false leaves out facet counts; default true.")]
    public bool? Facets { get; init; }

    [FromQuery(Name = "collapse")]
    [Description("false shows every copy of a story as its own hit; default true (copies collapse into one hit).")]
    public bool? Collapse { get; init; }

    [FromQuery(Name = "recencyHalfLifeDays")]
    [Description("With relevance order, boost fresh stories: one this many days old gets half the boost of one published now. Off by default.")]
    public double? RecencyHalfLifeDays { get; init; }

    /// <summary>The HTTP request, to tell a query given twice, which binding joins with a comma (q=a&amp;q=b would search
    /// "a,b"); null when the parameters are built by hand.</summary>
    public HttpRequest? HttpRequest { get; init; }

    /// <summary>
    /// The engine request, or every error in the parameters: those only the API can see (a sort or a half-life it
    /// cannot read) together with the engine's own checks. When the API sees none, the engine validates the request
    /// once, as it searches.
    /// </summary>
    public (SearchRequest? Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (RepeatedQuery.Problem(HttpRequest) is { } repeated)
        {
            // The other text parameters given twice fail their own checks ("newest,oldest" is no sort, nor "a,b" a cursor).
            errors["q"] = repeated;
        }

        SearchSort? sort = null;
        if (Sort is not null)
        {
            if (Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Sort, out _))
            {
                sort = parsed;
            }
            else
            {
                errors["sort"] = ["The sort must be one of relevance, newest, oldest."];
            }
        }

        TimeSpan? halfLife = null;
        if (RecencyHalfLifeDays is { } days)
        {
            if (double.IsFinite(days) && days is > 0 and <= 36_500)
            {
                halfLife = TimeSpan.FromDays(days);
            }
            else
            {
                errors["recencyHalfLifeDays"] = ["The recency half-life must be more than 0 and at most 36,500 days."];
            }
        }

        var filters = new SearchFilters(From, To, Clean(Source), Clean(Section), Clean(Tag));

        // A search form submits its empty box along with the filters chosen: that is a browse, not an empty query.
        var query = string.IsNullOrWhiteSpace(Q) && !filters.IsEmpty ? null : Q;
        var request = new SearchRequest(query, Page ?? 1, PageSize ?? 10, Highlight ?? true)
        {
            Sort = sort,
            Filters = filters,
            After = string.IsNullOrEmpty(After) ? null : After,
            IncludeFacets = Facets ?? true,
            CollapseDuplicates = Collapse ?? true,
            RecencyHalfLife = halfLife,
        };
        if (errors.Count == 0)
        {
            return (request, errors);
        }

        foreach (var (key, messages) in request.Validate())
        {
            errors.TryAdd(key, messages);
        }

        return (null, errors);
    }

    private static string[]? Clean(string[]? values) =>
        values?.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).ToArray() is { Length: > 0 } cleaned ? cleaned : null;
}
