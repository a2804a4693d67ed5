namespace Search.Core.Documents;

/// <summary>One news article as the service stores and returns it. <see cref="Id"/> is the stable key: writing an
/// article whose id exists replaces the earlier one.</summary>
public sealed record NewsArticle
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The lead or abstract, often the first paragraph of the body.</summary>
    public string? Lead { get; init; }

    /// <summary>Body text, paragraphs separated by <c>\n</c>.</summary>
    public string? Body { get; init; }

    public string? Url { get; init; }

    /// <summary>The outlet that published the article.</summary>
    public string? Source { get; init; }

    /// <summary>The outlet's section or category.</summary>
    public string? Section { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Characters of the text the index analyzes: title, lead and body. What an article costs to index and,
    /// analyzed ahead, to hold (a method, so that no serializer writes it).</summary>
    internal long TextLength() => Title.Length + (long)(Lead?.Length ?? 0) + (Body?.Length ?? 0);
}
