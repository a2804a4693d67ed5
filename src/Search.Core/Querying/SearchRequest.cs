using System.Globalization;

namespace Search.Core.Querying;

/// <summary>
/// One page of results: for a search-box query, or, with <see cref="Query"/> null and a filter, a browse of the newest
/// matching articles. See <see cref="Validate()"/> for the limits.
/// </summary>
/// <param name="Query">What the user typed, in <see cref="UserQueryParser"/> syntax; null to browse by filters.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Hits per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Highlight">false skips highlighting: hits carry the plain escaped title and no snippets.</param>
public sealed record SearchRequest(string? Query, int Page = 1, int PageSize = 10, bool Highlight = true)
{
    /// <summary>Characters as a reader counts them (text elements): an emoji, a character outside the Basic Multilingual
    /// Plane, ﷺ or a letter with its vowel marks counts once.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>UTF-16 code units a query may take, four per character on average: vowelled Arabic needs up to three, an
    /// emoji two. Bounds what one text element can hide (any number of marks may follow a letter).</summary>
    public const int MaxQueryUtf16Length = 4 * MaxQueryLength;
    public const int MaxPageSize = 100;

    /// <summary>How deep page-based paging may reach (page × pageSize), as in Elasticsearch's max_result_window;
    /// <see cref="After"/> pages further.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Prefix searches (<c>word*</c>) one query may hold: each reads the postings of every word it expands to,
    /// which on a million articles takes up to ~200 ms for a two-letter prefix.</summary>
    public const int MaxPrefixes = 5;

    /// <summary>Values one filter list (sources, sections or tags) may hold: far more than a reader picks, far fewer than
    /// Lucene's clause limit.</summary>
    public const int MaxFilterValues = 100;

    /// <summary>Null means relevance when there is a query and newest first when browsing.</summary>
    public SearchSort? Sort { get; init; }

    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>A cursor from a previous response's <see cref="SearchResults.NextCursor"/>: the page after it. Excludes <see cref="Page"/>.</summary>
    public string? After { get; init; }

    /// <summary>Count sources, sections and months over all results.</summary>
    public bool IncludeFacets { get; init; } = true;

    /// <summary>Show one hit per story when outlets carry copies of it.</summary>
    public bool CollapseDuplicates { get; init; } = true;

    /// <summary>With relevance order, favour fresh stories: a story this old gets half the boost of one published now.</summary>
    public TimeSpan? RecencyHalfLife { get; init; }

    /// <summary>The order actually used: relevance for a query; newest first for a browse by filters and for a query that
    /// only excludes words (<c>-رياضة</c>), whose articles all match alike.</summary>
    public SearchSort EffectiveSort =>
        Sort ?? (Query is null || IsOnlyExclusions(Query) ? SearchSort.Newest : SearchSort.Relevance);

    /// <summary>Only a minus makes an exclusion, so a query without one (nearly all) is not parsed again here: the
    /// search, its cursor and validation each ask for the order.</summary>
    private static bool IsOnlyExclusions(string query) =>
        query.AsSpan().IndexOfAny('-', '\u2212') >= 0 && UserQueryParser.Parse(query).OnlyExclusions;

    /// <summary>Every problem with the request, keyed by parameter name; empty when the request is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate() => Validate(out _);

    /// <summary>Validates, handing out the parsed query so the search parses it no second time.</summary>
    internal IReadOnlyDictionary<string, string[]> Validate(out UserQuery? parsed)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        parsed = null;
        if (Query is null)
        {
            if (Filters.IsEmpty)
            {
                errors["q"] = ["A query is required unless at least one filter (from, to, source, section, tag) is given."];
            }
        }
        else if (string.IsNullOrWhiteSpace(Query))
        {
            errors["q"] = ["The query must not be empty or whitespace."];
        }
        else if (Query.Length > MaxQueryUtf16Length)
        {
            errors["q"] = [$"The query must be at most {MaxQueryLength} characters and {MaxQueryUtf16Length} UTF-16 code units with its marks; it has {Query.Length} code units."];
        }
        else if (new StringInfo(Query).LengthInTextElements is var characters and > MaxQueryLength)
        {
            errors["q"] = [$"The query must be at most {MaxQueryLength} characters; it has {characters}."];
        }
        else if (QueryComplexity.Of(parsed = UserQueryParser.Parse(Query)).Excess() is { } excess)
        {
            errors["q"] = [excess];
        }

        if (Page < 1)
        {
            errors["page"] = ["The page must be 1 or more."];
        }
        else if (After is not null && Page != 1)
        {
            errors["page"] = ["Use either page or after (a cursor), not both."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be between 1 and {MaxPageSize}."];
        }
        else if (Page >= 1 && (long)Page * PageSize > MaxResultWindow)
        {
            errors["page"] = [$"Page-based paging reaches at most {MaxResultWindow} results (page × pageSize); use the after cursor to go deeper."];
        }

        foreach (var (key, values) in new[] { ("source", Filters.Sources), ("section", Filters.Sections), ("tag", Filters.Tags) })
        {
            if (values?.Count > MaxFilterValues)
            {
                errors[key] = [$"At most {MaxFilterValues} {key} values may be given at once; there are {values.Count}."];
            }
        }

        if (Filters.From is { } from && Filters.To is { } to && to < from)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }

        if (RecencyHalfLife is { } halfLife && (halfLife <= TimeSpan.Zero || halfLife > TimeSpan.FromDays(36_500)))
        {
            errors["recencyHalfLifeDays"] = ["The recency half-life must be more than 0 and at most 36,500 days."];
        }
        else if (RecencyHalfLife is not null && EffectiveSort != SearchSort.Relevance)
        {
            errors["recencyHalfLifeDays"] = ["A recency boost applies to relevance order only."];
        }

        return errors;
    }

}
