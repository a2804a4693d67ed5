using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Search.Core.Feeds;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>Registers feed polling: the feed list and its options, the HTTP client, the lease and the background loop.</summary>
public static class FeedPollingExtensions
{
    public const string HttpClientName = "feeds";

    public static IHostApplicationBuilder AddNewsFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedListOptions>()
            .BindConfiguration(FeedListOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<FeedPollingOptions>()
            .BindConfiguration(FeedPollingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddHttpClient(HttpClientName, (services, client) =>
            {
                var options = services.GetRequiredService<IOptions<FeedPollingOptions>>().Value;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);

                // A backstop only: the pollers give each request its own, shorter deadline.
                client.Timeout = TimeSpan.FromSeconds(Math.Max(options.FeedTimeoutSeconds, options.PageTimeoutSeconds) + 10);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                MaxAutomaticRedirections = 5,

                // The pollers keep their client for the life of the service, so connections are recycled rather than
                // handlers, and DNS changes are still seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // AddNewsSearch registers the store's lease (a lock in the shared database, or this node alone); this is the
        // fallback where feeds are added without it.
        builder.Services.TryAddSingleton<IFeedLease, LocalFeedLease>();
        builder.Services.AddSingleton(services =>
        {
            var feeds = services.GetRequiredService<IOptions<FeedListOptions>>().Value.Feeds;
            var options = services.GetRequiredService<IOptions<FeedPollingOptions>>().Value.ToPollerOptions();
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            if (services.GetRequiredService<IndexHost>().Store is not { } store)
            {
                return new NewsFeeds([]); // no writes here (read-only or unavailable index): nothing to poll into
            }

            var lease = services.GetRequiredService<IFeedLease>();
            var logger = services.GetRequiredService<ILogger<FeedPoller>>();
            return new NewsFeeds([.. feeds.Select(feed => new FeedPoller(feed.ToSubscription(), http, store, lease, options, logger))]);
        });
        builder.Services.AddHostedService<FeedPollingService>();
        return builder;
    }
}
