using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Api.Hosting;

namespace Search.Api.Telemetry;

/// <summary>Ready when the index is open and searchable; degraded (still ready: searches work) when it is read-only or
/// writes stopped; not ready when the index could not be opened. Reports how many articles it holds. A load balancer
/// sends no searches to a node that is not ready.</summary>
internal sealed class ReadinessCheck(IndexHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (host.Index is not { } index)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The index is not available: {host.Failure?.Message}"));
        }

        var count = index.Count;
        var data = new Dictionary<string, object> { ["articles"] = count, ["readOnly"] = host.ReadOnly };
        var writesStopped = host.Store?.Fault?.Message ?? (host.ReadOnly ? null : host.StoreFailure?.Message);
        return Task.FromResult(writesStopped is not null
            ? HealthCheckResult.Degraded($"{count} articles searchable, but writes stopped: {writesStopped}", data: data)
            : HealthCheckResult.Healthy(host.ReadOnly ? $"{count} articles searchable (read-only)" : $"{count} articles searchable", data));
    }
}
