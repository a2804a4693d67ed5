using System.Text.Json.Serialization;

namespace Search.Core.Feeds;

/// <summary>What a <see cref="FeedPoller"/> knows of its feed, as of its last poll; a new record after each poll.</summary>
public sealed record FeedState
{
    public required string Url { get; init; }

    public required string Source { get; init; }

    public string? Section { get; init; }

    /// <summary>When the last poll started, whatever its outcome.</summary>
    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>When a poll last ended well (new items written, nothing new, or 304 Not Modified).</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The last failure, kept after the feed recovers; <see cref="LastErrorAt"/> tells when.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The feed's last HTTP status, when it answered.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Failed polls since the last good one; the wait before the next poll doubles with each.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The validator sent back as <c>If-None-Match</c>.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The validator sent back as <c>If-Modified-Since</c>, as the server wrote it.</summary>
    public string? LastModified { get; init; }

    public DateTimeOffset NextPollAt { get; init; }

    /// <summary>Items in the last document read (a 304 reads none).</summary>
    public int ItemsSeen { get; init; }

    /// <summary>Articles written since the service started: new and changed items, and pages read on a retry.</summary>
    public long ItemsIndexed { get; init; }
}
