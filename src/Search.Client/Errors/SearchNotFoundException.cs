using System.Net;

namespace Search.Client.Errors;

/// <summary>A 404: no article has the id asked for.</summary>
public sealed class SearchNotFoundException : SearchApiException
{
    /// <summary>Creates the exception for a 404 answer.</summary>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">What was not found.</param>
    /// <param name="traceId">The service's trace id for the request.</param>
    public SearchNotFoundException(string? code, string title, string? detail, string? traceId)
        : base(HttpStatusCode.NotFound, code, title, detail, traceId)
    {
    }
}
