namespace Search.Core.Querying;

/// <summary>No article has the id asked for: a caller error.</summary>
public sealed class ArticleNotFoundException(string id) : Exception($"No article has the id '{id}'.")
{
    public const string Code = "article_not_found";

    public string Id { get; } = id;
}
