using System.Net;

namespace Search.Client.Errors;

/// <summary>A 403: whatever the key, the service does not allow this: writes are turned off (<c>writes_disabled</c>,
/// no key configured) or the index is served read-only (<c>read_only</c>).</summary>
public sealed class SearchForbiddenException : SearchApiException
{
    /// <summary>Creates the exception for a 403 answer.</summary>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">Why, and how the operator can allow it.</param>
    /// <param name="traceId">The service's trace id for the request.</param>
    public SearchForbiddenException(string? code, string title, string? detail, string? traceId)
        : base(HttpStatusCode.Forbidden, code, title, detail, traceId)
    {
    }
}
