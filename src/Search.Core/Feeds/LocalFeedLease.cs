namespace Search.Core.Feeds;

/// <summary>The lease of a service that polls alone: always granted. Polls of one feed within the process never
/// overlap anyway (<see cref="FeedPoller"/>).</summary>
public sealed class LocalFeedLease : IFeedLease
{
    private static readonly IAsyncDisposable Granted = new NothingToRelease();

    public ValueTask<IAsyncDisposable?> TryAcquireAsync(Uri feed, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable?>(Granted);

    private sealed class NothingToRelease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
