using Search.Api.Errors;
using Search.Api.Telemetry;
using Search.Core.Querying;

namespace Search.Api.Admission;

/// <summary>Runs a search endpoint only once <see cref="SearchAdmission"/> lets it in (in the lane its
/// <see cref="AdmissionCost"/> names, or else the one its query suggests); otherwise answers 503 with
/// <c>Retry-After</c> and a problem body, within the queue timeout at most.</summary>
internal sealed class AdmissionFilter(SearchAdmission admission, SearchTelemetry telemetry) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var pageSize = int.TryParse(request.Query["pageSize"], out var size) ? size : 10;
        var page = int.TryParse(request.Query["page"], out var number) ? number : 1;
        var cost = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AdmissionCost>()?.Cost
            ?? SearchCostEstimate.Of(request.Query["q"].ToString(), pageSize, page);
        using var lease = await admission.EnterAsync(cost, context.HttpContext.RequestAborted);
        if (!lease.IsAcquired)
        {
            telemetry.Refused("rejected");
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return ApiErrors.Problem(ApiErrors.Overloaded, cost == SearchCost.Heavy
                ? "The service is answering as many heavy searches (many words, phrases, prefixes or exclusions, large or deep pages) as it can; retry in a second, or simplify the query."
                : "The service is answering as many searches as it can; retry in a second.");
        }

        return await next(context);
    }
}
