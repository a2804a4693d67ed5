using Search.Core.Ingestion;

namespace Search.Core.Feeds;

/// <summary>How a <see cref="FeedPoller"/> treats what feeds and article pages send.</summary>
public sealed record FeedPollerOptions
{
    /// <summary>An item whose full text is shorter than this carries only a summary: its page is read for the text.</summary>
    public int FullTextMinLength { get; init; } = 400;

    /// <summary>Deadline of one feed request, body included.</summary>
    public TimeSpan FeedTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest feed document read; a larger one fails the poll rather than filling memory.</summary>
    public long MaxFeedBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest article page read; a larger one leaves the item with its summary.</summary>
    public long MaxPageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Deadline of one article page request.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest a failing feed waits between polls.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Polls that try an item's page before its summary is kept for good: a page that is gone for ever
    /// must not keep its feed failing.</summary>
    public int MaxPageAttempts { get; init; } = 3;

    /// <summary>Largest item, its page's text included, in UTF-8 (<see cref="ArticleSizeLimit"/>): a larger item is
    /// skipped, and a page that would make it larger is not used, as the write API refuses such an article.</summary>
    public long MaxArticleBytes { get; init; } = ArticleSizeLimit.DefaultMaxBytes;
}
