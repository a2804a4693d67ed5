namespace Search.Core.Writing;

/// <summary>How far a node is behind a shared log.</summary>
/// <param name="HeadSequence">The last change the shared log holds.</param>
/// <param name="Changes">Changes the node has not applied yet.</param>
/// <param name="Behind">How long ago the oldest of them was committed; zero when caught up.</param>
public sealed record ReplicationLag(long HeadSequence, long Changes, TimeSpan Behind);
