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

    /// <summary>The client that reads items' linked pages, apart from the feeds' so that its connections (and their
    /// pool) only ever go to addresses <see cref="PublicAddressGuard"/> let through.</summary>
    public const string PageHttpClientName = "feed-pages";

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

        // The feed URLs are the operator's, who may poll an internal feed: only the pages (and their redirects), whose
        // addresses the feeds' publishers choose, are kept off private addresses.
        builder.Services.AddHttpClient(HttpClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(() => Handler())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddHttpClient(PageHttpClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                var handler = Handler();
                if (!services.GetRequiredService<IOptions<FeedPollingOptions>>().Value.AllowPrivateAddresses)
                {
                    handler.ConnectCallback = PublicAddressGuard.ConnectAsync;

                    // Through a proxy the callback would see the proxy's address, not the page's.
                    handler.UseProxy = false;
                }

                return handler;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // AddNewsSearch registers the store's lease (a lock in the shared database, or this node alone); this is the
        // fallback where feeds are added without it.
        builder.Services.TryAddSingleton<IFeedLease, LocalFeedLease>();
        builder.Services.AddSingleton(services =>
        {
            var feeds = services.GetRequiredService<IOptions<FeedListOptions>>().Value.Feeds;
            // One size limit for every write: an item the write API would refuse is not taken from a feed either.
            var options = services.GetRequiredService<IOptions<FeedPollingOptions>>().Value.ToPollerOptions() with
            {
                MaxArticleBytes = services.GetRequiredService<IOptions<WriteApiOptions>>().Value.MaxArticleBytes,
            };
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var pageHttp = services.GetRequiredService<IHttpClientFactory>().CreateClient(PageHttpClientName);
            if (services.GetRequiredService<IndexHost>().Store is not { } store)
            {
                return new NewsFeeds([]); // no writes here (read-only or unavailable index): nothing to poll into
            }

            var lease = services.GetRequiredService<IFeedLease>();
            var logger = services.GetRequiredService<ILogger<FeedPoller>>();
            return new NewsFeeds([.. feeds.Select(feed => new FeedPoller(feed.ToSubscription(), http, store, lease, options, logger, pageHttp: pageHttp))]);
        });
        builder.Services.AddHostedService<FeedPollingService>();
        return builder;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<FeedPollingOptions>>().Value;
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);

        // A backstop only: the pollers give each request its own, shorter deadline.
        client.Timeout = TimeSpan.FromSeconds(Math.Max(options.FeedTimeoutSeconds, options.PageTimeoutSeconds) + 10);
    }

    private static SocketsHttpHandler Handler() => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        MaxAutomaticRedirections = 5,

        // The pollers keep their clients for the life of the service, so connections are recycled rather than
        // handlers, and DNS changes are still seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
