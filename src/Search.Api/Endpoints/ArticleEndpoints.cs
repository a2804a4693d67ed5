using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Documents;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/articles/{id}</c>: one stored article.</summary>
public static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("Get a stored article by id")
            .WithTags("Articles")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static Results<Ok<NewsArticle>, ProblemHttpResult> GetArticle(string id, NewsIndex index)
    {
        var article = index.Find(id);
        return article is null
            ? TypedResults.Problem(
                title: "Article not found",
                detail: $"No article has the id '{id}'.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["code"] = "article_not_found" })
            : TypedResults.Ok(article);
    }
}
