using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Search.Core.Indexing;

namespace Search.Api.Telemetry;

/// <summary>Health checks, metrics and log correlation in one place: <c>/health</c> (liveness), <c>/ready</c>
/// (readiness) and <c>/metrics</c> (Prometheus text: HTTP requests by route and status with latency histograms,
/// runtime, searches by outcome, admission queue, index and write-path gauges, commit and refresh latency).</summary>
public static class TelemetryExtensions
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddSearchTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchTelemetry>();
        builder.Services.AddHealthChecks()
            .AddCheck<LivenessCheck>("process", tags: [Live])
            .AddCheck<ReadinessCheck>("index", tags: [Ready]);

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(SearchTelemetry.MeterName, IndexMetrics.MeterName)
            .AddPrometheusExporter());

        // Every log line carries the request's trace id, so one slow or failed request can be followed through.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return builder;
    }

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = HealthResponseWriter.WriteAsync });
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
        });
        routes.MapPrometheusScrapingEndpoint("/metrics");
        return routes;
    }
}
