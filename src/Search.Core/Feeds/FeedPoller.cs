using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Documents;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.Feeds;

/// <summary>
/// Polls one feed and writes what is new in it through the <see cref="ArticleStore"/>. Each poll is a conditional GET
/// (the last answer's <c>ETag</c> sent as <c>If-None-Match</c>, its <c>Last-Modified</c> as <c>If-Modified-Since</c>),
/// and a 304 writes nothing. Otherwise the items that are new, or whose content or updated date changed, are written
/// in one batch, in feed order; an item's id is its guid (Atom: id), else its link. An item whose full text is missing
/// or shorter than <see cref="FeedPollerOptions.FullTextMinLength"/> gets its page's main text
/// (<see cref="ArticlePageExtractor"/>), unless the page gives less than the feed. Written items are seen as any
/// <see cref="WriteVisibility.Default"/> write: by id at once, by searches within the index's refresh interval. An item
/// larger than <see cref="FeedPollerOptions.MaxArticleBytes"/> is skipped, as the write API refuses one
/// (<see cref="ArticleSizeLimit"/>).
/// </summary>
/// <remarks>
/// <para>A failed poll (DNS, timeout, a status other than 2xx or 304, a document that is not RSS or Atom, a failed
/// write) is logged and recorded in <see cref="State"/>, and the next one waits as <see cref="FeedBackoff"/> says. A
/// page that cannot be read is its item's problem, not the feed's: the item stays searchable with its summary, the poll
/// counts as a success, and the page is tried again on the next polls (at the feed's interval), for up to
/// <see cref="FeedPollerOptions.MaxPageAttempts"/> polls. A page whose host is refused (<see cref="PublicAddressGuard"/>)
/// is not tried again.</para>
/// <para>Thread-safe: polls of one feed never overlap, and the <see cref="IFeedLease"/> decides whether this process
/// may poll it at all. What the poller remembers (validators, item hashes) is kept in memory, so the first poll after
/// a restart writes the feed's items once more.</para>
/// </remarks>
public sealed partial class FeedPoller
{
    private const string FeedMediaTypes = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

    private readonly FeedSubscription _subscription;
    private readonly string _url;
    private readonly HttpClient _http;
    private readonly ArticleStore _store;
    private readonly IFeedLease _lease;
    private readonly FeedPollerOptions _options;
    private readonly ArticlePageExtractor _pages;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _polling = new(1, 1);

    // Guarded by _polling; _state is also read, unlocked, through State.
    private Dictionary<string, SeenItem> _seen = new(StringComparer.Ordinal);
    private FeedState _state;

    /// <param name="http">Sends the requests; its User-Agent and handler (redirects, decompression) are the caller's.</param>
    /// <param name="lease">Null polls without asking anyone (<see cref="LocalFeedLease"/>).</param>
    /// <param name="pageHttp">Reads the items' linked pages, whose addresses the feed's publisher chooses; a service
    /// gives one that connects through <see cref="PublicAddressGuard"/>. Null reads them with <paramref name="http"/>.</param>
    public FeedPoller(
        FeedSubscription subscription,
        HttpClient http,
        ArticleStore store,
        IFeedLease? lease = null,
        FeedPollerOptions? options = null,
        ILogger<FeedPoller>? logger = null,
        TimeProvider? time = null,
        HttpClient? pageHttp = null)
    {
        _subscription = subscription;
        _url = subscription.Url.AbsoluteUri;
        _http = http;
        _store = store;
        _lease = lease ?? new LocalFeedLease();
        _options = options ?? new FeedPollerOptions();
        _pages = new ArticlePageExtractor(pageHttp ?? http, _options);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _state = new FeedState
        {
            Url = _url,
            Source = subscription.Source,
            Section = subscription.Section,
            NextPollAt = _time.GetUtcNow(),
        };
    }

    public FeedSubscription Subscription => _subscription;

    /// <summary>The feed as of the last poll.</summary>
    public FeedState State => Volatile.Read(ref _state);

    /// <summary>Polls at each <see cref="FeedState.NextPollAt"/>, the first time at once, until cancelled.</summary>
    /// <returns>A task that completes once cancelled; failures go to <see cref="State"/> and the log, never out.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var wait = State.NextPollAt - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                await PollAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Polls now, unless another process holds the feed's lease; waits for a poll already running.</summary>
    /// <returns>The state after the poll; a failure is recorded there, not thrown.</returns>
    /// <exception cref="OperationCanceledException">Cancelled. Items written before then stay written.</exception>
    public async Task<FeedState> PollAsync(CancellationToken cancellationToken = default)
    {
        await _polling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetUtcNow();
            try
            {
                var lease = await _lease.TryAcquireAsync(_subscription.Url, cancellationToken).ConfigureAwait(false);
                if (lease is null)
                {
                    LogHeldElsewhere(_url);
                    return Publish(State with { NextPollAt = started + _subscription.Interval });
                }

                await using (lease.ConfigureAwait(false))
                {
                    return Publish(await PollHeldAsync(started, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (StorageFaultException ex)
            {
                // Not the feed's failure: its items are read again at the next poll, at its usual pace rather than
                // backed off, and indexed once the index folder takes writes again.
                var now = _time.GetUtcNow();
                return Publish(State with { LastPollAt = started, LastError = ex.Message, LastErrorAt = now, NextPollAt = now + _subscription.Interval });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong stays with this feed: recorded and retried later, never thrown at the others.
                return Publish(Failed(State, started, ex.Message, (int?)(ex as HttpRequestException)?.StatusCode));
            }
        }
        finally
        {
            _polling.Release();
        }
    }

    private async Task<FeedState> PollHeldAsync(DateTimeOffset started, CancellationToken cancellationToken)
    {
        var state = State;
        var answer = await DownloadAsync(state, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotModified)
        {
            LogNotModified(_url);
            return Succeeded(state, started, answer.Status) with
            {
                ETag = answer.ETag ?? state.ETag,
                LastModified = answer.LastModified ?? state.LastModified,
            };
        }

        SyndicationFeed feed;
        try
        {
            feed = FeedArticleReader.Load(new MemoryStream(answer.Body, writable: false));
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            return Failed(state, started, $"not a readable RSS or Atom feed: {ex.Message}", (int)answer.Status);
        }

        var read = await ReadItemsAsync(feed, cancellationToken).ConfigureAwait(false);
        if (read.Changes.Count > 0)
        {
            await _store.WriteAsync(read.Changes, WriteVisibility.Default, cancellationToken).ConfigureAwait(false);
            LogWritten(_url, read.Changes.Count, read.Items);
        }
        else
        {
            LogNothingNew(_url, read.Items);
        }

        _seen = read.Seen;
        state = state with { ItemsSeen = read.Items, ItemsIndexed = state.ItemsIndexed + read.Changes.Count };

        // The document was read, so the poll succeeded, whatever its pages did: failing it made one bad link (a 100 MB
        // gzip bomb, say) back the whole feed off for up to an hour. Without validators the next poll, at the usual
        // interval, reads the document again, and so tries the pages again.
        var succeeded = Succeeded(state, started, answer.Status);
        return read.PagesToRetry
            ? succeeded with { ETag = null, LastModified = null }
            : succeeded with { ETag = answer.ETag, LastModified = answer.LastModified };
    }

    private async Task<FetchedDocument> DownloadAsync(FeedState state, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _subscription.Url);
        request.Headers.Accept.ParseAdd(FeedMediaTypes);

        // Sent back exactly as received: a validator is opaque to the client.
        if (state.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (state.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        var answer = await BoundedGet.SendAsync(_http, request, _options.FeedTimeout, _options.MaxFeedBytes, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotModified || (int)answer.Status is >= 200 and < 300)
        {
            return answer;
        }

        // The client follows redirects itself; one it hands back is one it would not follow, which "answered 302"
        // alone left the operator to guess (a loop read just so).
        throw new HttpRequestException(
            answer.Location is { } location && (int)answer.Status is >= 300 and < 400
                ? $"The feed answered {(int)answer.Status}, a redirect to {location} that was not followed (too many in a row, a loop, or from https to http); set the feed's Url to where the feed is."
                : $"The feed answered {(int)answer.Status}.",
            null,
            answer.Status);
    }

    private async Task<ReadItems> ReadItemsAsync(SyndicationFeed feed, CancellationToken cancellationToken)
    {
        var items = feed.Items.ToList();
        var changes = new List<ArticleChange>();
        var seen = new Dictionary<string, SeenItem>(StringComparer.Ordinal);
        var pagesToRetry = false;
        for (var i = 0; i < items.Count; i++)
        {
            var read = FeedArticleReader.ReadItem(feed, items[i], _url, i);
            if (read.Article is null)
            {
                LogItemSkipped(_url, read.Problem!.Message);
                continue;
            }

            var article = WithDefaults(read.Article);
            var hash = SeenItem.ContentHashOf(article, items[i].LastUpdatedTime);
            var changed = !_seen.TryGetValue(article.Id, out var known) || known.ContentHash != hash;
            if (!ArticleSizeLimit.Fits(article, _options.MaxArticleBytes))
            {
                // Remembered, so an unchanged item is skipped without a word on the next polls.
                if (changed)
                {
                    LogItemTooLarge(_url, article.Id, ArticleSizeLimit.Utf8Bytes(article), _options.MaxArticleBytes);
                }

                seen[article.Id] = new SeenItem(hash, 0);
                continue;
            }

            var pageFailures = changed ? 0 : known.PageFailures;
            var retryPage = pageFailures > 0 && pageFailures < _options.MaxPageAttempts;
            if (!changed && !retryPage)
            {
                seen[article.Id] = known;
                continue;
            }

            string? pageText = null;
            if (NeedsPage(article, out var page))
            {
                try
                {
                    pageText = await _pages.ExtractAsync(page, cancellationToken).ConfigureAwait(false);
                    pageFailures = 0;
                }
                catch (Exception ex) when (Refusal(ex) is { } refusal)
                {
                    // The host will not become public by asking again: given up at once, and logged once.
                    pageFailures = _options.MaxPageAttempts;
                    LogPageRefused(_url, page.AbsoluteUri, refusal.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    pageFailures++;
                    LogPageFailed(_url, page.AbsoluteUri, pageFailures, _options.MaxPageAttempts, ex.Message);
                    pagesToRetry |= pageFailures < _options.MaxPageAttempts;
                }
            }

            seen[article.Id] = new SeenItem(hash, pageFailures);
            var fuller = pageText is not null && pageText.Length > Math.Max(article.Body?.Length ?? 0, article.Lead?.Length ?? 0);
            if (fuller && !ArticleSizeLimit.Fits(article with { Body = pageText }, _options.MaxArticleBytes))
            {
                LogPageTooLarge(_url, page!.AbsoluteUri, _options.MaxArticleBytes);
                fuller = false;
            }

            if (changed || fuller)
            {
                changes.Add(ArticleChange.Upsert(fuller ? article with { Body = pageText } : article));
            }
        }

        return new ReadItems(changes, seen, pagesToRetry, items.Count);
    }

    private NewsArticle WithDefaults(NewsArticle article) => article with
    {
        Source = article.Source ?? _subscription.Source,
        Section = article.Section ?? _subscription.Section,

        // Absolute links stay as written (an Arabic path stays readable); relative ones are resolved against the feed.
        Url = article.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _) && Uri.TryCreate(_subscription.Url, url, out var resolved)
            ? resolved.AbsoluteUri
            : article.Url,
    };

    private bool NeedsPage(NewsArticle article, [NotNullWhen(true)] out Uri? page)
    {
        page = null;
        return (article.Body?.Length ?? 0) < _options.FullTextMinLength
            && Uri.TryCreate(article.Url, UriKind.Absolute, out page)
            && ArticlePageExtractor.CanRead(page);
    }

    private static RefusedAddressException? Refusal(Exception ex)
    {
        for (var inner = (Exception?)ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private FeedState Succeeded(FeedState state, DateTimeOffset started, HttpStatusCode status) => state with
    {
        LastPollAt = started,
        LastSuccessAt = _time.GetUtcNow(),
        LastStatusCode = (int)status,
        ConsecutiveFailures = 0,
        NextPollAt = started + _subscription.Interval,
    };

    private FeedState Failed(FeedState state, DateTimeOffset started, string error, int? status)
    {
        var failures = state.ConsecutiveFailures + 1;
        var delay = FeedBackoff.Delay(failures, _subscription.Interval, _options.MaxBackoff, Random.Shared.NextDouble());
        var now = _time.GetUtcNow();
        LogPollFailed(_url, failures, delay.TotalSeconds, error);
        return state with
        {
            LastPollAt = started,
            LastError = error,
            LastErrorAt = now,
            LastStatusCode = status,
            ConsecutiveFailures = failures,
            NextPollAt = now + delay,
        };
    }

    private FeedState Publish(FeedState state)
    {
        Volatile.Write(ref _state, state);
        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Url}: wrote {Written} of its {Items} items")]
    private partial void LogWritten(string url, int written, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url}: nothing new in its {Items} items")]
    private partial void LogNothingNew(string url, int items);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url}: not modified since the last poll")]
    private partial void LogNotModified(string url);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url}: polled by another node this time")]
    private partial void LogHeldElsewhere(string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: poll failed ({Failures} in a row), next in {DelaySeconds:F0} s: {Error}")]
    private partial void LogPollFailed(string url, int failures, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: page {Page} could not be read (try {Attempt} of {MaxAttempts}), the item keeps its summary: {Error}")]
    private partial void LogPageFailed(string url, string page, int attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: page {Page} is not read, the item keeps its summary: {Reason}")]
    private partial void LogPageRefused(string url, string page, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: page {Page} would make its article larger than {MaxBytes:N0} bytes, the item keeps its summary")]
    private partial void LogPageTooLarge(string url, string page, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: skipped the item {Id}: its {Bytes:N0} bytes are over the limit of {MaxBytes:N0}")]
    private partial void LogItemTooLarge(string url, string id, long bytes, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url}: skipped an item: {Problem}")]
    private partial void LogItemSkipped(string url, string problem);

    /// <summary>What one document gave: the changes to write, the memory to keep once they are written, whether a page
    /// failed that is to be tried again, and how many items it held.</summary>
    private sealed record ReadItems(List<ArticleChange> Changes, Dictionary<string, SeenItem> Seen, bool PagesToRetry, int Items);
}
