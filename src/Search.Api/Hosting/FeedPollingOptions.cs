using System.ComponentModel.DataAnnotations;
using Search.Core.Feeds;

namespace Search.Api.Hosting;

/// <summary>The <c>Search:FeedPolling</c> section: how every feed and article page is requested and read.</summary>
public sealed class FeedPollingOptions
{
    public const string Section = "Search:FeedPolling";

    /// <summary>Sent with every feed and page request, so publishers can tell who polls them.</summary>
    [Required]
    public string UserAgent { get; set; } = "ArabicNewsSearch/1.0 (feed poller)";

    /// <summary>Deadline of one feed request, body included.</summary>
    [Range(1, 600)]
    public int FeedTimeoutSeconds { get; set; } = 30;

    /// <summary>Deadline of one article page request.</summary>
    [Range(1, 600)]
    public int PageTimeoutSeconds { get; set; } = 15;

    [Range(1_024, 256 * 1024 * 1024)]
    public int MaxFeedBytes { get; set; } = 8 * 1024 * 1024;

    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>An item whose full text is shorter than this carries only a summary: its page is read for the text.</summary>
    [Range(0, 1_000_000)]
    public int FullTextMinLength { get; set; } = 400;

    /// <summary>The longest a failing feed waits between polls.</summary>
    [Range(1, 86_400)]
    public int MaxBackoffSeconds { get; set; } = 3_600;

    /// <summary>Polls that try an item's page before its summary is kept for good.</summary>
    [Range(1, 100)]
    public int MaxPageAttempts { get; set; } = 3;

    /// <summary>Lets items' linked pages (and their redirects) be read from loopback, private, link-local and other
    /// non-public addresses. Off, as a feed's publisher chooses its links and must not reach the cloud metadata
    /// service or the internal network through this service; on for tests and sites whose pages are internal. The
    /// feed URLs themselves, chosen by the operator, are never checked.</summary>
    public bool AllowPrivateAddresses { get; set; }

    public FeedPollerOptions ToPollerOptions() => new()
    {
        FeedTimeout = TimeSpan.FromSeconds(FeedTimeoutSeconds),
        PageTimeout = TimeSpan.FromSeconds(PageTimeoutSeconds),
        MaxFeedBytes = MaxFeedBytes,
        MaxPageBytes = MaxPageBytes,
        FullTextMinLength = FullTextMinLength,
        MaxBackoff = TimeSpan.FromSeconds(MaxBackoffSeconds),
        MaxPageAttempts = MaxPageAttempts,
    };
}
