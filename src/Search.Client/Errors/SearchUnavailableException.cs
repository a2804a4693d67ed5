using System.Net;

namespace Search.Client.Errors;

/// <summary>
/// A 429 or 503: the service cannot take the request now, though it may soon: too many concurrent searches
/// (<c>overloaded</c>), too many requests from this client (<c>rate_limited</c>), the index not open
/// (<c>index_unavailable</c>) or a write that could not be made durable (<c>write_unavailable</c>, nothing was written).
/// Retry after <see cref="RetryAfter"/> when the service gave it.
/// </summary>
public sealed class SearchUnavailableException : SearchApiException
{
    /// <summary>Creates the exception for a 429 or 503 answer.</summary>
    /// <param name="status">429 or 503.</param>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">Why the service refused.</param>
    /// <param name="traceId">The service's trace id for the request.</param>
    /// <param name="retryAfter">The wait the <c>Retry-After</c> header asked for.</param>
    public SearchUnavailableException(HttpStatusCode status, string? code, string title, string? detail, string? traceId, TimeSpan? retryAfter)
        : base(status, code, title, detail, traceId)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long to wait before retrying, from <c>Retry-After</c>; null when the service did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
