using Microsoft.Extensions.Logging;
using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Writing;

namespace Search.Core.Tests.Feeds;

/// <summary>An in-memory index behind a real <see cref="ArticleStore"/> (its log in a temporary folder) and a
/// <see cref="StubWeb"/>, for polling feeds without a network.</summary>
internal sealed class FeedTestBed : IAsyncDisposable
{
    public const string FeedUrl = "https://news.example/feed.xml";

    private readonly TempDirectory _folder = new();
    private readonly HttpClient _client;

    /// <param name="directory">The index's storage, when a test makes it fail; memory otherwise.</param>
    public FeedTestBed(Lucene.Net.Store.Directory? directory = null, IndexFollowerOptions? followerOptions = null)
    {
        Index = directory is null ? NewsIndex.InMemory() : NewsIndex.InDirectory(directory, new NewsIndexOptions("(memory)"));
        Store = ArticleStore.OpenLocal(Index, _folder.File("log"), followerOptions);
        _client = Web.Client();
    }

    public StubWeb Web { get; } = new();

    public NewsIndex Index { get; }

    public ArticleStore Store { get; }

    /// <summary>Changes written so far, over every feed.</summary>
    public long Writes => Store.Statistics().Log.LastSequence;

    public FeedPoller Poller(
        FeedPollerOptions? options = null,
        IFeedLease? lease = null,
        string url = FeedUrl,
        TimeSpan? interval = null,
        string? section = null,
        ILogger<FeedPoller>? logger = null,
        HttpClient? pageHttp = null) =>
        new(new FeedSubscription(new Uri(url), "مصدر مهيأ", interval ?? TimeSpan.FromMinutes(5), section), _client, Store, lease, options, logger, pageHttp: pageHttp);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Store.DisposeAsync();
        Index.Dispose();
        _folder.Dispose();
    }
}
