namespace Search.Api.Tests;

/// <summary>The <c>GET /api/search</c> body as a client reads it, written here so a renamed field fails a test.</summary>
internal sealed record SearchResultsBody(string Query, int Total, int Page, int PageSize, double TookMs, IReadOnlyList<SearchHitBody> Hits, string? DidYouMean = null)
{
    public IReadOnlyList<string> Ids => [.. Hits.Select(hit => hit.Id)];
}

internal sealed record SearchHitBody(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    float Score,
    HighlightsBody Highlights)
{
    public IEnumerable<string> AllHighlights => Highlights.Snippets.Prepend(Highlights.Title);
}

internal sealed record HighlightsBody(string Title, IReadOnlyList<string> Snippets);

/// <summary>The <c>GET /api/articles/{id}</c> body.</summary>
internal sealed record ArticleBody(
    string Id,
    string Title,
    string? Lead,
    string? Body,
    string? Url,
    string? Source,
    string? Section,
    string? Author,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PublishedAt);
