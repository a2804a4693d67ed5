using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Search.Core.Querying;

namespace Search.Api.Contracts;

/// <summary>Query-string parameters of <c>GET /api/search</c>; the limits live in <see cref="SearchRequest.Validate"/>.</summary>
public sealed record SearchParameters
{
    [FromQuery(Name = "q")]
    [Description("What to search for: words, \"exact phrases\", -excluded words, OR between alternatives, word* prefixes. 1–1000 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "page")]
    [Description("1-based page number (default 1).")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Hits per page, 1–100 (default 10).")]
    public int? PageSize { get; init; }

    [FromQuery(Name = "highlight")]
    [Description("false returns hits without highlighting (faster); default true.")]
    public bool? Highlight { get; init; }

    public SearchRequest ToRequest() => new(Q ?? "", Page ?? 1, PageSize ?? 10, Highlight ?? true);
}
