using Search.Api.Contracts;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>Asks the shared database where this node stands, for <c>/ready</c> and <c>GET /api/index/stats</c>,
/// within a short deadline: an unreachable database is reported, never waited out.</summary>
internal static class ReplicationProbe
{
    /// <summary>How long the stats and readiness endpoints wait for the database's answer.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How far this node is behind the database; null for a local store.</summary>
    public static async Task<ReplicationStatus?> ReadAsync(ArticleStore store, CancellationToken cancellationToken)
    {
        if (store.SharedLog is null)
        {
            return null;
        }

        var applied = store.Statistics().AppliedSequence;
        var (loaded, total) = store.BootstrapProgress;
        var bootstrapError = store.BootstrapFailure?.Message;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(QueryTimeout);
            var lag = await store.LagAsync(timeout.Token);
            return new ReplicationStatus(applied, lag!.HeadSequence, lag.Changes, lag.Behind.TotalSeconds, store.Bootstrapping, loaded, total, null, bootstrapError);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unreachable, restarting, timed out: the node still serves what it holds.
            var reason = ex is OperationCanceledException ? $"PostgreSQL did not answer within {QueryTimeout.TotalSeconds:F0} s" : ex.Message;
            return new ReplicationStatus(applied, null, null, null, store.Bootstrapping, loaded, total, reason, bootstrapError);
        }
    }
}
