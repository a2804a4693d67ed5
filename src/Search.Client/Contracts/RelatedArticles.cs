namespace Search.Client.Contracts;

/// <summary>Stories related to an article, best first, without copies of it.</summary>
/// <param name="Id">The article they relate to.</param>
/// <param name="Hits">The related stories.</param>
public sealed record RelatedArticles(string Id, IReadOnlyList<SearchHit> Hits);
