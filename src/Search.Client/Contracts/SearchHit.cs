namespace Search.Client.Contracts;

/// <summary>One article in a page of results.</summary>
/// <param name="Id">The article's id, for <see cref="ISearchClient.GetArticleAsync"/>.</param>
/// <param name="Title">The title as stored (plain text).</param>
/// <param name="Url">The original address, as the source gave it; may be relative or absent.</param>
/// <param name="Source">The outlet.</param>
/// <param name="Section">The outlet's section.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Score">The ranking score (0 when sorted by date).</param>
/// <param name="Highlights">The title and passages with matches marked.</param>
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
    HitHighlights? Highlights,
    int Duplicates = 0,
    IReadOnlyList<string>? DuplicateIds = null);
