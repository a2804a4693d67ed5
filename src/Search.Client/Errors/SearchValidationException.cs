using System.Net;

namespace Search.Client.Errors;

/// <summary>A 400: the request was refused as invalid. <see cref="Errors"/> names each parameter or field at fault
/// (<c>pageSize</c>, <c>from</c>, <c>title</c>, …) with its messages.</summary>
public sealed class SearchValidationException : SearchApiException
{
    /// <summary>Creates the exception for a 400 answer.</summary>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="title">The problem's title.</param>
    /// <param name="detail">What went wrong, when the service said.</param>
    /// <param name="traceId">The service's trace id for the request.</param>
    /// <param name="errors">Messages per parameter or field.</param>
    public SearchValidationException(string? code, string title, string? detail, string? traceId, IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
        : base(HttpStatusCode.BadRequest, code, title, detail ?? Summarize(errors), traceId)
    {
        Errors = errors;
    }

    /// <summary>Messages per parameter or field; empty when the request was malformed as a whole.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

    private static string? Summarize(IReadOnlyDictionary<string, IReadOnlyList<string>> errors) =>
        errors.Count == 0 ? null : string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"));
}
