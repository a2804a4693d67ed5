namespace Search.Api.Contracts;

/// <summary>Where a node of a shared store stands (<c>replication</c> in <c>GET /api/index/stats</c>).</summary>
/// <param name="AppliedSequence">The last change this node applied.</param>
/// <param name="HeadSequence">The last change the database holds; null when it could not be asked.</param>
/// <param name="LagChanges">Changes committed and not applied here yet.</param>
/// <param name="LagSeconds">How long ago the oldest of them was committed; 0 when caught up.</param>
/// <param name="Bootstrapping">True while the empty index is being loaded from the database.</param>
/// <param name="BootstrapLoaded">Articles loaded so far while bootstrapping.</param>
/// <param name="BootstrapTotal">Articles the database held when bootstrapping began.</param>
/// <param name="Error">Why the database could not be asked, when it could not.</param>
public sealed record ReplicationStatus(
    long AppliedSequence,
    long? HeadSequence,
    long? LagChanges,
    double? LagSeconds,
    bool Bootstrapping,
    long BootstrapLoaded,
    long BootstrapTotal,
    string? Error)
{
    /// <summary>How long the stats and readiness endpoints wait for the database's answer.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Asks the database how far this node is behind; null for a local store.</summary>
    public static async Task<ReplicationStatus?> OfAsync(Search.Core.Writing.ArticleStore store, CancellationToken cancellationToken)
    {
        if (store.SharedLog is null)
        {
            return null;
        }

        var applied = store.Statistics().AppliedSequence;
        var (loaded, total) = store.BootstrapProgress;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(QueryTimeout);
            var lag = await store.LagAsync(timeout.Token);
            return new ReplicationStatus(applied, lag!.HeadSequence, lag.Changes, lag.Behind.TotalSeconds, store.Bootstrapping, loaded, total, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unreachable, restarting, timed out: the node still serves what it holds.
            var reason = ex is OperationCanceledException ? $"PostgreSQL did not answer within {QueryTimeout.TotalSeconds:F0} s" : ex.Message;
            return new ReplicationStatus(applied, null, null, null, store.Bootstrapping, loaded, total, reason);
        }
    }
}
