using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Search.Api.Admission;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Api.Security;
using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>Registers the index and its write path, their options, sample loading, the drop folder, JSON settings,
/// search admission, the per-client rate limit, the OpenAPI document and its cache, and Kestrel's limits.</summary>
public static class SearchServiceExtensions
{
    /// <summary>The output cache policy the OpenAPI document is served under.</summary>
    public const string OpenApiDocumentCache = "openapi-document";

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
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddOptions<IdleMemoryOptions>()
            .BindConfiguration(IdleMemoryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<PostgresOptions>()
            .BindConfiguration(PostgresOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PostgresOptions>, PostgresOptionsValidator>();

        builder.Services.AddSingleton(IndexPaths.Resolve);
        builder.Services.AddSingleton<IndexHost>();

        // Resolved per request from the host: when the index could not be opened, the request gets the reason as a
        // problem (503, or 403 for writes to a read-only index) instead of the whole service failing to start.
        builder.Services.AddSingleton(services => services.GetRequiredService<IndexHost>().RequireIndex());
        builder.Services.AddSingleton(services =>
        {
            // The index first, so the container disposes the store before it.
            services.GetRequiredService<NewsIndex>();
            return services.GetRequiredService<IndexHost>().RequireStore();
        });
        builder.Services.AddSingleton(services => services.GetRequiredService<IndexHost>().FeedLease);
        builder.Services.AddHostedService<SampleDataLoader>();
        builder.Services.AddHostedService<AnalysisUpgrade>();
        builder.Services.AddHostedService<IdleMemoryTrimmer>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{SearchServiceOptions.Section}:{nameof(SearchServiceOptions.WatchFolder)}"]))
        {
            builder.Services.AddHostedService<DropFolderService>();
        }

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Arabic and <mark> tags stay readable in responses; the content type is JSON, never HTML.
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter<SearchSort>(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ApiErrors.AddMissingCode);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddOptions<AdmissionOptions>()
            .BindConfiguration(AdmissionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SearchAdmission>();
        builder.Services.AddSingleton<WriteAdmission>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ApiErrors.Problem(ApiErrors.RateLimited, "This address sends more requests than the service allows; retry in a second.").ExecuteAsync(context.HttpContext));
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<IOptions<AdmissionOptions>>().Value.RequestsPerSecondPerClient;
                return perSecond <= 0 || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/ready")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = 2 * perSecond,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    });
            });
        });

        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer<ProblemExamplesTransformer>());

        // The OpenAPI document took 40-130 ms of CPU to build at every request, outside any admission lane: 50 clients
        // asking for it held one-word searches at p50 0.4 s. It changes only with the build, so it is kept (per host,
        // which its servers name; bounded, so hosts made up by a client evict each other rather than grow memory).
        builder.Services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 16 * 1024 * 1024;
            cache.AddPolicy(OpenApiDocumentCache, policy => policy.Expire(TimeSpan.FromHours(1)));
        });
        builder.Services.AddTransient<IConfigureOptions<KestrelServerOptions>, KestrelServerSetup>();
        return builder;
    }
}
