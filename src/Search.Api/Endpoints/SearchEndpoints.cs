using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Hosting;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/search</c>: ranked, highlighted results for a search-box query.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", Search)
            .WithName("Search")
            .WithSummary("Search Arabic news articles")
            .WithDescription("Ranks articles by BM25 over title, lead and body with Arabic analysis, and returns one page of hits with the title and body passages highlighted (HTML-escaped text, matches in <mark>).")
            .WithTags("Search")
            .RequireRateLimiting(SearchServiceExtensions.SearchConcurrencyPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<SearchResults>, ValidationProblem> Search([AsParameters] SearchParameters parameters, NewsIndex index)
    {
        var request = parameters.ToRequest();
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors,
                title: "The search request is invalid",
                extensions: new Dictionary<string, object?> { ["code"] = InvalidSearchRequestException.Code });
        }

        return TypedResults.Ok(index.Search(request));
    }
}
