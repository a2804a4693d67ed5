using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Search.Api.Errors;
using Search.Api.Security;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>Registers the index, its options, sample loading, health checks, JSON settings and the search concurrency cap.</summary>
public static class SearchServiceExtensions
{
    public const string SearchConcurrencyPolicy = "search";

    public static IHostApplicationBuilder AddNewsSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchServiceOptions>()
            .BindConfiguration(SearchServiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<WriteApiOptions>()
            .BindConfiguration(WriteApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section);

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
            return NewsIndex.Open(new NewsIndexOptions(IndexPath(services)) { RamBufferMb = options.RamBufferMb });
        });
        builder.Services.AddSingleton(services =>
        {
            var writes = services.GetRequiredService<IOptions<WriteApiOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            var logPath = string.IsNullOrWhiteSpace(writes.LogPath)
                ? Path.Combine(IndexPath(services), "translog")
                : Path.GetFullPath(writes.LogPath, environment.ContentRootPath);
            var follower = new IndexFollowerOptions { CommitInterval = TimeSpan.FromSeconds(writes.CommitIntervalSeconds) };
            return ArticleStore.OpenLocal(
                services.GetRequiredService<NewsIndex>(),
                logPath,
                writes.ApplyThreads is { } threads ? follower with { ApplyThreads = threads } : follower,
                services.GetRequiredService<ILogger<IndexFollower>>());
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
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ApiErrors.Problem(ApiErrors.Overloaded, "The service is at its concurrency limit; retry shortly.").ExecuteAsync(context.HttpContext));
            };
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
        return builder;
    }

    private static string IndexPath(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        return Path.GetFullPath(options.IndexPath, environment.ContentRootPath);
    }
}
