using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core.Indexing;
using Search.Core.Writing;

namespace Search.Api.Telemetry;

/// <summary>Ready when the index is open and searchable and, where writes are on, still applying them; reports how
/// many articles it holds. A load balancer sends no searches to a node that is not ready.</summary>
internal sealed class ReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int count;
        try
        {
            count = services.GetRequiredService<NewsIndex>().Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The index is not available: {ex.Message}"));
        }

        var data = new Dictionary<string, object> { ["articles"] = count };
        if (services.GetService<ArticleStore>() is { Fault: { } fault })
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Searchable, but writes stopped: {fault.Message}", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{count} articles searchable", data));
    }
}
