using Search.Api.Security;

namespace Search.Api.Endpoints;

/// <summary>Maps every API route group, so Program.cs names the service's parts, not each route.</summary>
public static class EndpointMap
{
    public static IEndpointRouteBuilder MapNewsSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        // The public reads, in one group so one place says which endpoints other sites' browsers may call (the
        // Search:Cors origins, GET only); the keyed write and operator endpoints stay outside it, same-origin only.
        routes.MapGroup("")
            .AllowCrossOriginReads()
            .AddEndpointFilter<QueryStringUtf8Filter>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapSearchEndpoints()
            .MapLatestEndpoints()
            .MapSuggestEndpoints()
            .MapArticleEndpoints();
        return routes
            .MapArticleWriteEndpoints()
            .MapIndexAdminEndpoints()
            .MapOpenSearchEndpoints();
    }
}
