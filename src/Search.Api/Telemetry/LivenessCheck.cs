using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core.Indexing;

namespace Search.Api.Telemetry;

/// <summary>Healthy while the process answers: a broken index is for <c>/ready</c> to report, since restarting the
/// process would not mend it. Reports the article count when the index is open.</summary>
internal sealed class LivenessCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = services.GetRequiredService<NewsIndex>().Count;
            return Task.FromResult(HealthCheckResult.Healthy("The service is running.", new Dictionary<string, object> { ["articles"] = count }));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"The service is running; the index is not available: {ex.Message}"));
        }
    }
}
