namespace Search.Core.Writing;

/// <summary>
/// An <see cref="IArticleLog"/> that lives outside the node and is shared by many (a database): besides the ordered
/// changes, it holds every article, so a node with an empty index loads them all at once (a snapshot) instead of
/// replaying every change ever made, and it can say how far behind a node is.
/// </summary>
public interface ISharedArticleLog : IArticleLog
{
    /// <summary>A consistent read of every article the store holds, and the log position it holds everything up to.</summary>
    /// <exception cref="IOException">The store cannot be reached.</exception>
    Task<ArticleSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The name the store drew when it was created, different for every store (a copy of it, restored or
    /// promoted, keeps it): an index records it in its commits and refuses to follow a store with another.</summary>
    /// <remarks>Waits while the store cannot be reached.</remarks>
    Task<string> IdentityAsync(CancellationToken cancellationToken);

    /// <summary>How far a node that applied everything up to <paramref name="appliedSequence"/> is behind.</summary>
    /// <exception cref="IOException">The store cannot be reached.</exception>
    Task<ReplicationLag> LagAsync(long appliedSequence, CancellationToken cancellationToken);
}
