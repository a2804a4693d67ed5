namespace Search.Client.Contracts;

/// <summary>A news article as the service stores it: what <see cref="ISearchClient.GetArticleAsync"/> returns and
/// <see cref="ISearchClient.PutArticleAsync"/> writes. <see cref="Id"/> is the key: writing an article whose id exists
/// replaces it.</summary>
public sealed record Article
{
    /// <summary>The key; may hold any text, slashes included (a URL as id).</summary>
    public required string Id { get; init; }

    /// <summary>The headline, plain text.</summary>
    public required string Title { get; init; }

    /// <summary>The lead or abstract.</summary>
    public string? Lead { get; init; }

    /// <summary>Body text, paragraphs separated by <c>\n</c>.</summary>
    public string? Body { get; init; }

    /// <summary>The original address.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet that published it.</summary>
    public string? Source { get; init; }

    /// <summary>The outlet's section or category.</summary>
    public string? Section { get; init; }

    /// <summary>Who wrote it.</summary>
    public string? Author { get; init; }

    /// <summary>Keywords, each a filter value of a search's <see cref="SearchQuery.Tags"/>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When it was published, with the publisher's offset.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
