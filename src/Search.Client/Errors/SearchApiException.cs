using System.Net;

namespace Search.Client.Errors;

/// <summary>
/// The service answered with an error. Its problem details (RFC 9457) are here: <see cref="Code"/> is the stable value
/// to match on (<c>invalid_search_request</c>, <c>article_not_found</c>, <c>payload_too_large</c>, …). Subclasses name
/// the errors a caller handles differently; an error with none of their statuses is this type itself.
/// </summary>
public class SearchApiException : Exception
{
    /// <summary>Creates the exception for an error answer.</summary>
    /// <param name="status">The response's status.</param>
    /// <param name="code">The problem's <c>code</c>; null when the answer had no problem body (a proxy's error page).</param>
    /// <param name="title">The problem's title, or the status's reason phrase.</param>
    /// <param name="detail">What went wrong in this request.</param>
    /// <param name="traceId">The service's trace id for the request, for its logs.</param>
    /// <param name="innerException">What made the answer unreadable, when it was.</param>
    public SearchApiException(HttpStatusCode status, string? code, string title, string? detail, string? traceId, Exception? innerException = null)
        : base(Describe(status, code, title, detail), innerException)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        TraceId = traceId;
    }

    /// <summary>The response's HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The service's stable error code; null when the answer carried no problem details.</summary>
    public string? Code { get; }

    /// <summary>A short summary of the kind of error.</summary>
    public string Title { get; }

    /// <summary>What went wrong in this request.</summary>
    public string? Detail { get; }

    /// <summary>The request's trace id, which the service's logs carry too.</summary>
    public string? TraceId { get; }

    private static string Describe(HttpStatusCode status, string? code, string title, string? detail)
    {
        var summary = code is null ? $"{(int)status}: {title}" : $"{(int)status} {code}: {title}";
        return string.IsNullOrWhiteSpace(detail) ? summary : $"{summary}. {detail}";
    }
}
