using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Search.Api.Security;

/// <summary>
/// CORS for other sites' browsers, on the public read endpoints only (search, articles, related, suggest, latest),
/// and only for GET from the origins in <see cref="CrossOriginOptions"/>. The keyed write and operator endpoints carry no
/// policy, so a browser never lets another site's page call them, with or without a key.
/// </summary>
public static class CrossOriginReads
{
    public const string PolicyName = "public-reads";

    public static IHostApplicationBuilder AddCrossOriginReads(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrossOriginOptions>()
            .BindConfiguration(CrossOriginOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, reads) =>
            cors.AddPolicy(PolicyName, policy => policy
                // No origins configured leaves the policy allowing none: every answer goes without CORS headers.
                .WithOrigins(reads.Value.Origins)
                .WithMethods(HttpMethods.Get)
                // A page's script may read when to retry a 429 or 503.
                .WithExposedHeaders(HeaderNames.RetryAfter)
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }

    /// <summary>Lets the configured origins call these endpoints from a browser.</summary>
    public static TBuilder AllowCrossOriginReads<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireCors(PolicyName);
}
