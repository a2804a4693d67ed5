using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Search.Api.Errors;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Hosting;

/// <summary>Registers the index, its options, sample loading, health checks, JSON settings, the search concurrency cap and
/// Kestrel's limits.</summary>
public static class SearchServiceExtensions
{
    public const string SearchConcurrencyPolicy = "search";

    public static IHostApplicationBuilder AddNewsSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchServiceOptions>()
            .BindConfiguration(SearchServiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            var path = Path.GetFullPath(options.IndexPath, environment.ContentRootPath);
            return NewsIndex.Open(new NewsIndexOptions(path) { RamBufferMb = options.RamBufferMb });
        });
        builder.Services.AddHostedService<SampleDataLoader>();

        builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Arabic and <mark> tags stay readable in responses; the content type is JSON, never HTML.
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter<SearchSort>(JsonNamingPolicy.CamelCase));
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, cancellationToken) =>
                new ValueTask(TypedResults.Problem(
                    title: "Too many concurrent searches",
                    detail: "The service is at its concurrency limit; retry shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context.HttpContext));
            limiter.AddPolicy(SearchConcurrencyPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrentSearches,
                    QueueLimit = options.SearchQueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });

        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer<ProblemExamplesTransformer>());
        builder.Services.AddTransient<IConfigureOptions<KestrelServerOptions>, KestrelServerSetup>();
        return builder;
    }
}
