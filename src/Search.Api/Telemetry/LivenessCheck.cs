using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Api.Hosting;
using Search.Core.Writing;

namespace Search.Api.Telemetry;

/// <summary>Healthy while the process answers: a broken index is for <c>/ready</c> to report, since restarting the
/// process would not mend it. The one failure a restart mends, an index writer that refuses every commit
/// (<see cref="WriterStoppedException"/>), makes it unhealthy, so a supervisor restarts the service and the log's
/// writes are applied again. Reports the article count when the index is open.</summary>
internal sealed class LivenessCheck(IndexHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            host.Store?.Fault is WriterStoppedException stopped ? HealthCheckResult.Unhealthy(stopped.Message)
            : host.Index is { } index ? HealthCheckResult.Healthy("The service is running.", new Dictionary<string, object> { ["articles"] = index.Count })
            : HealthCheckResult.Healthy($"The service is running; the index is not available: {host.Failure?.Message}"));
}
