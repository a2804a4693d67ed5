using System.Net;

namespace Search.Client.Errors;

/// <summary>A 401: a keyed endpoint was called without an API key (<c>api_key_required</c>) or with one the service
/// does not hold (<c>invalid_api_key</c>). Set <see cref="SearchClientOptions.ApiKey"/>.</summary>
public sealed class SearchUnauthorizedException : SearchApiException
{
    /// <summary>Creates the exception for a 401 answer.</summary>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">What the service wants.</param>
    /// <param name="traceId">The service's trace id for the request.</param>
    public SearchUnauthorizedException(string? code, string title, string? detail, string? traceId)
        : base(HttpStatusCode.Unauthorized, code, title, detail, traceId)
    {
    }
}
