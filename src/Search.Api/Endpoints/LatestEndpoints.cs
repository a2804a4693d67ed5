using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/latest</c>: the newest stories and the sources and sections to browse, for the home page.</summary>
public static class LatestEndpoints
{
    public static IEndpointRouteBuilder MapLatestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/latest", Latest)
            .WithName("LatestArticles")
            .WithSummary("The newest stories, with the sources and sections of the whole index")
            .WithDescription("The newest stories first, copies of one story collapsed into one hit, optionally only some sources or sections. Hits have the shape /api/search returns, with highlights.title holding the HTML-escaped stored title and no snippets. sources and sections count the articles of the whole index (not only the stories shown), most first, at most 20 each.")
            .WithTags("Search")
            .AddEndpointFilter<AdmissionFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<LatestStories>, ValidationProblem> Latest([AsParameters] LatestParameters parameters, NewsIndex index)
    {
        var request = parameters.ToRequest();
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return ApiErrors.Validation(ApiErrors.InvalidSearchRequest, errors);
        }

        return TypedResults.Ok(index.Latest(request));
    }
}
