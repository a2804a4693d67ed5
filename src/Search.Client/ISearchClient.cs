using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client;

/// <summary>
/// The Arabic news search service's public API. Every method throws a <see cref="SearchApiException"/> (or one of its
/// subclasses, by status) when the service answers with an error, an <see cref="HttpRequestException"/> only when no
/// answer came (the service unreachable), and an <see cref="OperationCanceledException"/> when its token is cancelled.
/// </summary>
public interface ISearchClient
{
    /// <summary>One page of ranked, highlighted hits with facet counts (<c>GET /api/search</c>).</summary>
    /// <exception cref="SearchValidationException">A parameter is out of range (<see cref="SearchValidationException.Errors"/> names it).</exception>
    /// <exception cref="SearchUnavailableException">The service is too busy now; retry after its <c>RetryAfter</c>.</exception>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every hit of a search, page after page, following each page's cursor: the pages come from one index snapshot, so
    /// none is skipped or repeated while articles are written meanwhile. Starts at <see cref="SearchQuery.Page"/> or
    /// <see cref="SearchQuery.After"/> when set; <see cref="SearchQuery.PageSize"/> sets the hits per request.
    /// </summary>
    /// <exception cref="TimeoutException">A page ran out of the service's time budget, so the rest cannot be reached
    /// (its hits are yielded first).</exception>
    IAsyncEnumerable<SearchHit> SearchAllAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>A stored article (<c>GET /api/articles/{id}</c>); the id may hold slashes.</summary>
    /// <exception cref="SearchNotFoundException">No article has the id.</exception>
    Task<Article> GetArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stories related to an article, without copies of it (<c>GET /api/articles/{id}/related</c>).</summary>
    /// <param name="id">The article's id.</param>
    /// <param name="count">How many, 1–50 (the service's default is 10).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SearchNotFoundException">No article has the id.</exception>
    Task<RelatedArticles> GetRelatedAsync(string id, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Completions of what has been typed (<c>GET /api/suggest</c>): words, frequent phrases and titles.</summary>
    /// <param name="text">The text typed so far, 1–100 characters.</param>
    /// <param name="size">How many, 1–20 (the service's default is 8).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<SuggestResults> SuggestAsync(string text, int? size = null, CancellationToken cancellationToken = default);

    /// <summary>The newest stories first, with the sources and sections to browse (<c>GET /api/latest</c>).</summary>
    /// <param name="query">How many and which; null for the service's defaults.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<LatestStories> GetLatestAsync(LatestQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an article under its <see cref="Article.Id"/> (keyed <c>PUT /api/articles/{id}</c>).
    /// The answer means the write is durable; a read by id sees it at once.</summary>
    /// <param name="article">The article.</param>
    /// <param name="waitForSearch">Answer only once searches see the write (otherwise within a second).</param>
    /// <param name="cancellationToken">Cancels the wait for the answer (a write handed over completes anyway).</param>
    /// <exception cref="SearchValidationException">A field is invalid (<see cref="SearchValidationException.Errors"/> names it).</exception>
    /// <exception cref="SearchUnauthorizedException">The API key is missing or wrong.</exception>
    /// <exception cref="SearchForbiddenException">The service takes no writes.</exception>
    Task<WriteResult> PutArticleAsync(Article article, bool waitForSearch = false, CancellationToken cancellationToken = default);

    /// <summary>Removes an article (keyed <c>DELETE /api/articles/{id}</c>).</summary>
    /// <param name="id">The article's id.</param>
    /// <param name="waitForSearch">Answer only once searches no longer find it.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <exception cref="SearchNotFoundException">No article has the id.</exception>
    Task<WriteResult> DeleteArticleAsync(string id, bool waitForSearch = false, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces many articles in one request (keyed <c>POST /api/articles/_bulk</c>, NDJSON). One
    /// invalid article never stops the others: each gets its own item, in the order sent.</summary>
    /// <param name="articles">The articles; when an id appears twice, the later one wins.</param>
    /// <param name="waitForSearch">Answer only once searches see the writes.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <exception cref="SearchApiException">Status 413 when the request is over the service's size or line limits.</exception>
    Task<BulkResponse> BulkWriteAsync(IEnumerable<Article> articles, bool waitForSearch = false, CancellationToken cancellationToken = default);

    /// <summary>What the index holds, the write path's state and the polled feeds (keyed <c>GET /api/index/stats</c>).</summary>
    Task<IndexStats> GetIndexStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Copies a consistent snapshot of the index on the service's machine while writes go on (keyed
    /// <c>POST /api/index/_snapshot</c>).</summary>
    /// <param name="name">The snapshot's folder name (Latin letters, digits, <c>.</c>, <c>_</c>, <c>-</c>); null for a
    /// time-stamped one.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <exception cref="SearchApiException">Status 409, code <c>snapshot_exists</c>, when a snapshot has that name.</exception>
    Task<SnapshotInfo> SnapshotAsync(string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the index beside the live one and switches to it, searches answering all along (keyed
    /// <c>POST /api/index/_reindex</c>).</summary>
    /// <param name="paths">Files or folders on the service's machine to rebuild from, relative ones taken from the
    /// service's content root; null or empty rebuilds from the stored articles.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <exception cref="SearchApiException">Status 409 when a reindex is already running; 400, code <c>empty_source</c>,
    /// when the paths give no article (the index is left as it was); 503, code <c>service_stopping</c>, when the
    /// service stopped before the switch (the index is left as it was).</exception>
    Task<ReindexResult> ReindexAsync(IReadOnlyList<string>? paths = null, CancellationToken cancellationToken = default);
}
