namespace Search.Core.Feeds;

/// <summary>
/// The feeds a service polls: one <see cref="FeedPoller"/> loop each, running side by side, so a slow or failing feed
/// never holds up another.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class NewsFeeds(IReadOnlyList<FeedPoller> pollers)
{
    public IReadOnlyList<FeedPoller> Pollers => pollers;

    /// <summary>Each feed as of its last poll, in configuration order.</summary>
    public IReadOnlyList<FeedState> States() => [.. pollers.Select(poller => poller.State)];

    /// <summary>Polls every feed until cancelled; completes once every loop has stopped.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(pollers.Select(poller => poller.RunAsync(cancellationToken)));
}
