using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Core.Indexing;

namespace Search.Api.Hosting;

/// <summary>Healthy when the index can be searched; reports how many articles it holds.</summary>
internal sealed class IndexHealthCheck(NewsIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = index.Count;
        var data = new Dictionary<string, object> { ["articles"] = count };
        return Task.FromResult(HealthCheckResult.Healthy($"{count} articles searchable", data));
    }
}
