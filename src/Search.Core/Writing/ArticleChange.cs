using Search.Core.Documents;

namespace Search.Core.Writing;

/// <summary>One write to the article collection: an article to add or replace, or an id to remove.</summary>
public sealed record ArticleChange
{
    private ArticleChange(ChangeKind kind, string id, NewsArticle? article)
    {
        Kind = kind;
        Id = id;
        Article = article;
    }

    public ChangeKind Kind { get; }

    public string Id { get; }

    /// <summary>The article to store; null for a delete.</summary>
    public NewsArticle? Article { get; }

    public static ArticleChange Upsert(NewsArticle article) => new(ChangeKind.Upsert, article.Id, article);

    public static ArticleChange Delete(string id) => new(ChangeKind.Delete, id, null);
}
