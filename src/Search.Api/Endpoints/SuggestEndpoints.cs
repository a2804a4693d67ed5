using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Suggesting;

namespace Search.Api.Endpoints;

/// <summary><c>GET /api/suggest</c>: completions of what a reader is typing into the search box.</summary>
public static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Suggestions as the reader types")
            .WithDescription("Completions of the last word typed, of phrases that recur in titles and of whole titles, ranked by how many live articles hold them and how recent those are, matched whatever the hamza seat, vowel marks, tatweel, ى/ي or ة/ه. Each has the whole text the search box should hold once chosen, that text HTML-escaped with the typed part in <mark>, its kind (word, phrase or title), its count, and for a title the article's id. Public; a light search for admission.")
            .WithTags("Search")
            .AddEndpointFilter<AdmissionFilter>()
            .WithMetadata(new AdmissionCost(SearchCost.Light))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<SuggestResults>, ValidationProblem> Suggest([AsParameters] SuggestParameters parameters, NewsIndex index)
    {
        var request = parameters.ToRequest();
        var errors = parameters.Validate(request);
        return errors.Count > 0
            ? ApiErrors.Validation(ApiErrors.InvalidParameter, errors)
            : TypedResults.Ok(index.Suggest(request));
    }
}
