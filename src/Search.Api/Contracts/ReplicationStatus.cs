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
/// <param name="BootstrapError">While bootstrapping, why the last attempt to load the database failed (the node starts
/// over after a pause); null when none has.</param>
public sealed record ReplicationStatus(
    long AppliedSequence,
    long? HeadSequence,
    long? LagChanges,
    double? LagSeconds,
    bool Bootstrapping,
    long BootstrapLoaded,
    long BootstrapTotal,
    string? Error,
    string? BootstrapError = null);
