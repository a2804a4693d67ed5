using System.ComponentModel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Searching;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/articles/{id}</c> and <c>GET /api/articles/{id}/related</c>, and the same with the id in the query
/// (<c>GET /api/articles?id=</c>, <c>GET /api/related?id=</c>).</summary>
public static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder routes)
    {
        // Ids may hold slashes (a URL as id): encoded as %2F they stay one segment; written as they are, the catch-all
        // takes them, and a last segment "related" means the related stories of the id before it.
        var articles = routes.MapGroup("/api/articles").WithTags("Articles");
        articles.MapGet("/{**id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("Get a stored article by id")
            .WithDescription("The id as stored, percent-encoded; one holding slashes (a URL) may encode them as %2F or not.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        articles.MapGet("/{id}/related", GetRelated)
            .WithName("GetRelatedArticles")
            .WithSummary("Stories related to an article, without copies of it")
            .AddEndpointFilter<AdmissionFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // A constrained catch-all outranks the plain one; \x2F is a slash the route template parser leaves alone.
        articles.MapGet("/{**idAndSuffix:regex(.\\x2Frelated$)}", GetRelatedOfSlashedId)
            .ExcludeFromDescription();

        // The ids "." and ".." cannot be a path segment: browsers and Kestrel alike read them, %2E-encoded or not, as a
        // step in the path. Any id can be sent in the query instead.
        articles.MapGet("/", GetArticleByQuery)
            .WithName("GetArticleByQuery")
            .WithSummary("Get a stored article by an id sent in the query")
            .WithDescription("Any id, and the one way to ask for the ids \".\" and \"..\", which a URL path reads as steps.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        routes.MapGet("/api/related", GetRelatedByQuery)
            .WithName("GetRelatedArticlesByQuery")
            .WithSummary("Stories related to an article whose id is sent in the query")
            .WithDescription("Any id, and the one way to ask for the ids \".\" and \"..\", which a URL path reads as steps.")
            .WithTags("Articles")
            .AddEndpointFilter<AdmissionFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<NewsArticle>, ProblemHttpResult> GetArticle(string id, NewsIndex index)
    {
        id = RouteId(id);
        var article = index.Find(id);
        return article is null ? NotFound(id) : TypedResults.Ok(article);
    }

    /// <summary><c>/api/articles?id=..</c>: the id as the query holds it, decoded whole (no %2F convention).</summary>
    internal static Results<Ok<NewsArticle>, ValidationProblem, ProblemHttpResult> GetArticleByQuery(
        [FromQuery, Description("The article's id.")] string id,
        NewsIndex index,
        HttpRequest request)
    {
        if (RepeatedId(request) is { } repeated)
        {
            return repeated;
        }

        var article = index.Find(id);
        return article is null ? NotFound(id) : TypedResults.Ok(article);
    }

    internal static Results<Ok<RelatedArticles>, ValidationProblem, ProblemHttpResult> GetRelated(
        string id,
        NewsIndex index,
        [Description("How many related stories, 1–50 (default 10).")] int? count) =>
        Related(RouteId(id), index, count);

    /// <summary><c>/api/related?id=..</c>: the related stories of the id as the query holds it.</summary>
    internal static Results<Ok<RelatedArticles>, ValidationProblem, ProblemHttpResult> GetRelatedByQuery(
        [FromQuery, Description("The article's id.")] string id,
        NewsIndex index,
        [Description("How many related stories, 1–50 (default 10).")] int? count,
        HttpRequest request) =>
        RepeatedId(request) is { } repeated ? repeated : Related(id, index, count);

    /// <summary>An <c>id</c> given more than once in the query, which binding would join with a comma; null when once.</summary>
    private static ValidationProblem? RepeatedId(HttpRequest request) =>
        RepeatedQuery.Problem(request, "id") is { } repeated
            ? ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]> { ["id"] = repeated })
            : null;

    private static Results<Ok<RelatedArticles>, ValidationProblem, ProblemHttpResult> Related(string id, NewsIndex index, int? count)
    {
        var wanted = count ?? 10;
        if (wanted is < 1 or > RelatedStoryFinder.MaxCount)
        {
            return ApiErrors.Validation(
                ApiErrors.InvalidParameter,
                new Dictionary<string, string[]> { ["count"] = [$"The count must be between 1 and {RelatedStoryFinder.MaxCount}."] });
        }

        try
        {
            return TypedResults.Ok(new RelatedArticles(id, index.Related(id, wanted)));
        }
        catch (ArticleNotFoundException)
        {
            return NotFound(id);
        }
    }

    /// <summary><c>/api/articles/https://example.com/a/related</c>: the related stories of <c>https://example.com/a</c>.</summary>
    internal static Results<Ok<RelatedArticles>, ValidationProblem, ProblemHttpResult> GetRelatedOfSlashedId(
        string idAndSuffix,
        NewsIndex index,
        int? count) =>
        GetRelated(idAndSuffix[..idAndSuffix.LastIndexOf('/')], index, count);

    /// <summary>
    /// Routing decodes every escape in a segment but %2F, which ids that are URLs (feeds, HTML pages) contain. An id
    /// holding the text "%2F" itself cannot be told from an encoded slash, here as behind most proxies.
    /// </summary>
    internal static string RouteId(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the request's path is UTF-8 once its escapes are decoded. Kestrel leaves the escapes of bytes that are
    /// not (<c>%ED%A0%80</c>, a lone surrogate's) as they were, so a write would store that text as the id, and the
    /// same id would then be reached by <c>%25ED%25A0%2580</c>: the write is refused instead.
    /// </summary>
    internal static bool PathIsUtf8(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || !raw.Contains('%', StringComparison.Ordinal))
        {
            return true;
        }

        var end = raw.IndexOf('?', StringComparison.Ordinal);
        return PercentEscapes.DecodeToUtf8(end < 0 ? raw : raw[..end]);
    }

    private static ProblemHttpResult NotFound(string id) => ApiErrors.Problem(ApiErrors.ArticleNotFound, $"No article has the id '{id}'.");
}
