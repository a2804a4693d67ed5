using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;
using Search.Core.Writing;

namespace Search.Api.Telemetry;

/// <summary>Ready when the index is open, searchable and warmed (<see cref="Core.Indexing.NewsIndex.Warmed"/>); degraded (still ready: searches work) when it is read-only,
/// writes stopped, or its folder cannot be written for now (<see cref="StorageFault"/>); not ready when the index could not be opened. Reports how many articles it holds. A load balancer
/// sends no searches to a node that is not ready. A node of a shared store is not ready while it loads the database
/// into its empty index, nor while the oldest change it has not applied is older than
/// <see cref="PostgresOptions.MaxLagSeconds"/>; it stays ready (degraded) while the database cannot be reached, since
/// what it holds can still be searched, but never once it found its index built from another database.</summary>
internal sealed class ReadinessCheck(IndexHost host, IOptions<PostgresOptions> postgres) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (host.Index is not { } index)
        {
            return HealthCheckResult.Unhealthy($"The index is not available: {host.Failure?.Message}");
        }

        var data = new Dictionary<string, object> { ["readOnly"] = host.ReadOnly };
        var store = host.Store;
        if (store?.Fault is ForeignLogException foreign)
        {
            // Its articles are another collection's: searches here would answer from the wrong one.
            return HealthCheckResult.Unhealthy(foreign.Message, data: data);
        }

        var replication = store is null ? null : await ReplicationProbe.ReadAsync(store, cancellationToken);
        if (replication is { Bootstrapping: true })
        {
            // Said before warming: the load is what keeps the node out of service, for as long as it takes. A load
            // that cannot start (the database refuses this node, or cannot be reached) says why.
            data["appliedSequence"] = replication.AppliedSequence;
            data["bootstrapLoaded"] = replication.BootstrapLoaded;
            data["bootstrapTotal"] = replication.BootstrapTotal;
            return HealthCheckResult.Unhealthy(
                store!.Fault is { } fault
                    ? $"The empty index cannot load the database: {fault.Message}"
                    : $"Loading the database into the empty index: {replication.BootstrapLoaded} of {replication.BootstrapTotal} articles{(replication.Error is { } error ? $"; the database cannot be asked: {error}" : "")}{(replication.BootstrapError is { } failed ? $"; the last attempt failed and starts over: {failed}" : "")}",
                data: data);
        }

        if (!index.Warmed.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("Warming up: building suggestions and running the first searches");
        }

        if (store is not null && replication is not null)
        {
            data["appliedSequence"] = replication.AppliedSequence;
            if (replication.LagSeconds is { } lagSeconds)
            {
                data["lagChanges"] = replication.LagChanges!;
                data["lagSeconds"] = lagSeconds;
                if (lagSeconds > postgres.Value.MaxLagSeconds)
                {
                    return HealthCheckResult.Unhealthy(
                        $"{replication.LagChanges} changes behind the database, the oldest committed {lagSeconds:F1} s ago (Search:Postgres:MaxLagSeconds is {postgres.Value.MaxLagSeconds})", data: data);
                }
            }
            else if (store.Fault is null)
            {
                var held = index.Count;
                data["articles"] = held;
                return HealthCheckResult.Degraded($"{held} articles searchable; the database cannot be asked how far behind this node is: {replication.Error}", data: data);
            }
        }

        var count = index.Count;
        data["articles"] = count;
        if (store?.StorageFault is { } storage)
        {
            // Searches answer from the last good state; writes resume by themselves once a commit works again.
            data["writesRefusedSince"] = storage.Since;
            return HealthCheckResult.Degraded(
                $"{count} articles searchable, but the index folder cannot be written ({storage.Cause.Message}) since {storage.Since:O}: writes are refused and resume by themselves once it works again, tried every {storage.RetryAfter.TotalSeconds:F0} s at most",
                data: data);
        }

        var writesStopped = host.Store?.Fault?.Message ?? (host.ReadOnly ? null : host.StoreFailure?.Message);
        return writesStopped is not null
            ? HealthCheckResult.Degraded($"{count} articles searchable, but writes stopped: {writesStopped}", data: data)
            : HealthCheckResult.Healthy(host.ReadOnly ? $"{count} articles searchable (read-only)" : $"{count} articles searchable", data);
    }
}
