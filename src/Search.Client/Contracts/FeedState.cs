using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>What the service knows of one polled feed, as of its last poll.</summary>
public sealed record FeedState
{
    /// <summary>The feed's address.</summary>
    public required string Url { get; init; }

    /// <summary>The source its articles are filed under.</summary>
    public required string Source { get; init; }

    /// <summary>The section its articles are filed under, when set.</summary>
    public string? Section { get; init; }

    /// <summary>When the last poll started, whatever its outcome.</summary>
    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>When a poll last ended well.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>The last failure, kept after the feed recovers.</summary>
    public string? LastError { get; init; }

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>The feed's last HTTP status, when it answered.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Failed polls since the last good one.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The validator sent back as <c>If-None-Match</c>.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The validator sent back as <c>If-Modified-Since</c>.</summary>
    public string? LastModified { get; init; }

    /// <summary>When the next poll is due.</summary>
    public DateTimeOffset NextPollAt { get; init; }

    /// <summary>Items in the last document read.</summary>
    public int ItemsSeen { get; init; }

    /// <summary>Articles written from this feed since the service started.</summary>
    public long ItemsIndexed { get; init; }
}
