using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Search.Client.Contracts;
using Search.Client.Http;

namespace Search.Client;

/// <summary>
/// The typed client: each method is one request to the service (<see cref="SearchAllAsync"/> one per page). Safe to
/// share between threads, as its <see cref="HttpClient"/> is; it holds no state between calls.
/// </summary>
public sealed class SearchClient : ISearchClient
{
    private static readonly SearchClientJsonContext Json = SearchClientJsonContext.Wire;

    private readonly ApiTransport _transport;

    /// <summary>A client over <paramref name="httpClient"/>, which it does not dispose.</summary>
    /// <param name="httpClient">Sends the requests; its handlers (retries, logging) apply.</param>
    /// <param name="options">The service's address (else the client's <see cref="HttpClient.BaseAddress"/>) and the API key.</param>
    /// <exception cref="ArgumentException">Neither gives an absolute http(s) address.</exception>
    public SearchClient(HttpClient httpClient, SearchClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var address = options?.BaseAddress ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Give the service's address in SearchClientOptions.BaseAddress or HttpClient.BaseAddress.", nameof(options));
        _transport = new ApiTransport(httpClient, BaseAddress(address), options?.ApiKey);
    }

    /// <inheritdoc />
    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.GetAsync(Routes.Search(query), Json.SearchResults, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SearchHit> SearchAllAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var next = query;
        while (true)
        {
            var page = await SearchAsync(next, cancellationToken);
            foreach (var hit in page.Hits)
            {
                yield return hit;
            }

            if (page.TimedOut)
            {
                throw new TimeoutException($"Page {page.Page} of the search ran out of the service's time budget: it holds only what was found in time, and there is no cursor to the pages after it.");
            }

            if (page.NextCursor is null || page.Hits.Count == 0)
            {
                yield break;
            }

            // A cursor goes without a page number: the service refuses both at once.
            next = query with { Page = null, After = page.NextCursor };
        }
    }

    /// <inheritdoc />
    public Task<Article> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _transport.GetAsync(Routes.Article(id), Json.Article, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RelatedArticles> GetRelatedAsync(string id, int? count = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _transport.GetAsync(Routes.Related(id, count), Json.RelatedArticles, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuggestResults> SuggestAsync(string text, int? size = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _transport.GetAsync(Routes.Suggest(text, size), Json.SuggestResults, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LatestStories> GetLatestAsync(LatestQuery? query = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync(Routes.Latest(query ?? new LatestQuery()), Json.LatestStories, cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> PutArticleAsync(Article article, bool waitForSearch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrEmpty(article.Id, nameof(article));
        return _transport.SendKeyedAsync(
            HttpMethod.Put,
            Routes.Write(Routes.Article(article.Id, nameof(article)), waitForSearch),
            JsonContent.Create(article, Json.Article),
            Json.WriteResult,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<WriteResult> DeleteArticleAsync(string id, bool waitForSearch = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _transport.SendKeyedAsync(HttpMethod.Delete, Routes.Write(Routes.Article(id), waitForSearch), null, Json.WriteResult, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BulkResponse> BulkWriteAsync(IEnumerable<Article> articles, bool waitForSearch = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return _transport.SendKeyedAsync(HttpMethod.Post, Routes.Write(Routes.Bulk, waitForSearch), NdjsonContent.Create(articles), Json.BulkResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IndexStats> GetIndexStatsAsync(CancellationToken cancellationToken = default) =>
        _transport.SendKeyedAsync(HttpMethod.Get, Routes.IndexStats, null, Json.IndexStats, cancellationToken);

    /// <inheritdoc />
    public Task<SnapshotInfo> SnapshotAsync(string? name = null, CancellationToken cancellationToken = default) =>
        _transport.SendKeyedAsync(HttpMethod.Post, Routes.Snapshot, JsonContent.Create(new SnapshotRequest(name), Json.SnapshotRequest), Json.SnapshotInfo, cancellationToken);

    /// <inheritdoc />
    public Task<ReindexResult> ReindexAsync(IReadOnlyList<string>? paths = null, CancellationToken cancellationToken = default) =>
        _transport.SendKeyedAsync(HttpMethod.Post, Routes.Reindex, JsonContent.Create(new ReindexRequest(paths), Json.ReindexRequest), Json.ReindexResult, cancellationToken);

    /// <summary>The address relative paths resolve against: it must end in a slash, or its last segment would be replaced.</summary>
    private static Uri BaseAddress(Uri address)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The service's address must be an absolute http(s) address, not '{address}'.", nameof(address));
        }

        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/");
    }
}
