using Search.Core.Feeds;

namespace Search.Api.Hosting;

/// <summary>Runs the configured feeds' polling loops (<see cref="NewsFeeds"/>) for the life of the service; shutdown
/// cancels them.</summary>
internal sealed class FeedPollingService(NewsFeeds feeds) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => feeds.RunAsync(stoppingToken);
}
