namespace Search.Core.Feeds;

/// <summary>
/// Decides whether this process may poll a feed now. <see cref="LocalFeedLease"/>, for a single node, always agrees;
/// nodes sharing one database would take a PostgreSQL advisory lock keyed by the feed's URL instead, so that one node
/// at a time polls a feed. The <see cref="FeedPoller"/> holds the lease for the whole poll, writes included.
/// </summary>
public interface IFeedLease
{
    /// <summary>Tries to take the feed without waiting.</summary>
    /// <returns>A handle that releases the feed when disposed, or null when another process holds it.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(Uri feed, CancellationToken cancellationToken);
}
