using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Search.Core.Suggesting;

namespace Search.Api.Contracts;

/// <summary>Query-string parameters of <c>GET /api/suggest</c>; the limits live in <see cref="SuggestRequest.Validate"/>.</summary>
public sealed record SuggestParameters
{
    [FromQuery(Name = "q")]
    [Description("What the reader has typed so far, 1–100 characters after trimming. A trailing space means the last word is finished: only phrases and titles that go on from it are offered.")]
    public string? Q { get; init; }

    [FromQuery(Name = "size")]
    [Description("How many suggestions at most, 1–20 (default 8).")]
    public int? Size { get; init; }

    /// <summary>The HTTP request, to tell a query given twice, which binding joins with a comma (q=a&amp;q=b would
    /// offer completions of "a,b"); null when the parameters are built by hand.</summary>
    public HttpRequest? HttpRequest { get; init; }

    public SuggestRequest ToRequest() => new(Q ?? "", Size ?? SuggestRequest.DefaultSize);

    /// <summary>The request's problems, with <c>q</c> given more than once among them, as for searches.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(SuggestRequest request)
    {
        var errors = request.Validate();
        return RepeatedQuery.Problem(HttpRequest) is { } repeated
            ? new Dictionary<string, string[]>(errors, StringComparer.Ordinal) { ["q"] = repeated }
            : errors;
    }
}
