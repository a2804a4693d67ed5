namespace Search.Api.Endpoints;

/// <summary>Maps every API route group, so Program.cs names the service's parts, not each route.</summary>
public static class EndpointMap
{
    public static IEndpointRouteBuilder MapNewsSearchEndpoints(this IEndpointRouteBuilder routes) =>
        routes
            .MapSearchEndpoints()
            .MapLatestEndpoints()
            .MapArticleEndpoints()
            .MapArticleWriteEndpoints()
            .MapIndexAdminEndpoints()
            .MapOpenSearchEndpoints();
}
