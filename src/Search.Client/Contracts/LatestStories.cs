namespace Search.Client.Contracts;

/// <summary>The newest stories first, with the sources and sections there are to browse.</summary>
/// <param name="Hits">The stories, newest first, as a search returns them.</param>
/// <param name="Sources">Outlets and their story counts.</param>
/// <param name="Sections">Sections and their story counts.</param>
public sealed record LatestStories(IReadOnlyList<SearchHit> Hits, IReadOnlyList<FacetValue> Sources, IReadOnlyList<FacetValue> Sections);
