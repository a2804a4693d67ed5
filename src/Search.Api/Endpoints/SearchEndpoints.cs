using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Api.Telemetry;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/search</c>: ranked, highlighted results for a search-box query, or a filtered browse.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", Search)
            .WithName("Search")
            .WithSummary("Search Arabic news articles")
            .WithDescription("Ranks articles by BM25 over title, lead and body with Arabic analysis, or browses by filters newest first, and returns one page of hits with the title and body passages highlighted (HTML-escaped text, matches in <mark>), facet counts over all matches, copies of one story collapsed into one hit, a cursor for the next page, and, for a query with words the index does not know or finding little, didYouMean: the whole query corrected (left out when there is none); onlyStopWords: true when every word of the query is a stop word, too common to search for, so nothing was searched (left out otherwise).")
            .WithTags("Search")
            .AddEndpointFilter<AdmissionFilter>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<SearchResults>, ValidationProblem> Search([AsParameters] SearchParameters parameters, NewsIndex index, SearchTelemetry telemetry)
    {
        var (request, errors) = parameters.ToRequest();
        if (request is null)
        {
            telemetry.Refused("invalid");
            return Invalid(errors);
        }

        try
        {
            var results = index.Search(request);
            telemetry.Searched(request, results);
            return TypedResults.Ok(results);
        }
        catch (InvalidSearchRequestException ex)
        {
            // The engine's one validation pass (limits, query complexity, cursor).
            telemetry.Refused("invalid");
            return Invalid(ex.Errors);
        }
    }

    private static ValidationProblem Invalid(IEnumerable<KeyValuePair<string, string[]>> errors) =>
        ApiErrors.Validation(ApiErrors.InvalidSearchRequest, errors);
}
