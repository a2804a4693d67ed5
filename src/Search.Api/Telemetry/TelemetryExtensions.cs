using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Search.Api.Security;
using Search.Core.Indexing;

namespace Search.Api.Telemetry;

/// <summary>Health checks, metrics, traces and log correlation in one place: <c>/health</c> (liveness), <c>/ready</c>
/// (readiness), <c>/metrics</c> (Prometheus text: HTTP requests by route and status with latency histograms, runtime,
/// searches by outcome, admission queue, index and write-path gauges, commit and refresh latency) and traces to an
/// OTLP collector when one is named.</summary>
public static class TelemetryExtensions
{
    private const string Live = "live";
    private const string Ready = "ready";

    /// <summary>The collector traces go to; OpenTelemetry's exporter reads it (and its siblings) itself.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The name the traces carry, <c>search-api</c> unless set.</summary>
    public const string ServiceName = "OTEL_SERVICE_NAME";

    public static IHostApplicationBuilder AddSearchTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchTelemetry>();
        builder.Services.AddHealthChecks()
            .AddCheck<LivenessCheck>("process", tags: [Live])
            .AddCheck<ReadinessCheck>("index", tags: [Ready]);

        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(SearchTelemetry.MeterName, IndexMetrics.MeterName)
            .AddPrometheusExporter());

        // Traces only where a collector is named (OTEL_EXPORTER_OTLP_ENDPOINT, OpenTelemetry's own setting): a span a
        // request, the engine's search or write under it and PostgreSQL's calls under that; without a collector no
        // request pays for spans nobody reads.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            telemetry.ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceName] ?? "search-api"));
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(IndexTracing.SourceName, "Npgsql")
                .AddOtlpExporter());
        }

        // Every log line carries the request's trace id, so one slow or failed request can be followed through.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return builder;
    }

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder routes)
    {
        // These map a whole pipeline, which answers every method: a DELETE /health or POST /metrics got a 200 as if it
        // were a GET. GET alone (HEAD rides on it) makes any other method the 405 it is on every other read.
        var get = new HttpMethodMetadata([HttpMethods.Get]);
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithMetadata(get);
        routes.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithMetadata(get);
        routes.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(RequireKeyWhenConfigured), optionsName: null)
            .WithMetadata(get);
        return routes;
    }

    /// <summary>
    /// With keys configured, <c>/metrics</c> answers only a request that holds one (<c>X-Api-Key</c>, or
    /// <c>Authorization: Bearer</c>, which Prometheus sends): it tells the index's size, the write backlog and the
    /// traffic by route. Without keys (a service on its sample data, writes off) it stays open, like everything else.
    /// </summary>
    private static async Task RequireKeyWhenConfigured(HttpContext context, RequestDelegate next)
    {
        var keys = context.RequestServices.GetRequiredService<ApiKeys>();
        if (keys.AnyConfigured && keys.Refusal(context.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
