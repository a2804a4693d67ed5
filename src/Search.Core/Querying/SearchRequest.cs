namespace Search.Core.Querying;

/// <summary>One page of results for a search-box query. See <see cref="Validate"/> for the limits.</summary>
/// <param name="Query">What the user typed, in <see cref="UserQueryParser"/> syntax.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Hits per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Highlight">false skips highlighting: hits carry the plain escaped title and no snippets.</param>
public sealed record SearchRequest(string Query, int Page = 1, int PageSize = 10, bool Highlight = true)
{
    public const int MaxQueryLength = 1000;
    public const int MaxPageSize = 100;

    /// <summary>How deep page-based paging may reach (page × pageSize), as in Elasticsearch's max_result_window.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Every problem with the request, keyed by parameter name; empty when the request is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Query))
        {
            errors["q"] = ["The query must not be empty or whitespace."];
        }
        else if (Query.Length > MaxQueryLength)
        {
            errors["q"] = [$"The query must be at most {MaxQueryLength} characters; it has {Query.Length}."];
        }

        if (Page < 1)
        {
            errors["page"] = ["The page must be 1 or more."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be between 1 and {MaxPageSize}."];
        }

        if (Page >= 1 && PageSize is >= 1 and <= MaxPageSize && (long)Page * PageSize > MaxResultWindow)
        {
            errors["page"] = [$"Page-based paging reaches at most {MaxResultWindow} results (page × pageSize)."];
        }

        return errors;
    }
}
