using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Search.Core.Querying;

namespace Search.Api.Contracts;

/// <summary>Query-string parameters of <c>GET /api/latest</c>; the limits live in <see cref="LatestRequest.Validate"/>.</summary>
public sealed record LatestParameters
{
    [FromQuery(Name = "size")]
    [Description("Stories to return, 1–100 (default 20).")]
    public int? Size { get; init; }

    [FromQuery(Name = "source")]
    [Description("Only these outlets (repeatable, up to 100; exact value).")]
    public string[]? Source { get; init; }

    [FromQuery(Name = "section")]
    [Description("Only these sections (repeatable, up to 100; exact value).")]
    public string[]? Section { get; init; }

    public LatestRequest ToRequest() => new(Size ?? LatestRequest.DefaultSize)
    {
        Sources = Clean(Source),
        Sections = Clean(Section),
    };

    private static string[] Clean(string[]? values) =>
        values?.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).ToArray() ?? [];
}
