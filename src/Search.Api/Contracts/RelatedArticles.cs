using Search.Core.Querying;

namespace Search.Api.Contracts;

/// <summary>Body of <c>GET /api/articles/{id}/related</c>.</summary>
public sealed record RelatedArticles(string Id, IReadOnlyList<SearchHit> Hits);
