namespace Search.Core.Querying;

/// <summary>The answer to a <see cref="LatestRequest"/>.</summary>
/// <param name="Hits">Newest first; each hit's highlights hold its escaped title and no snippets.</param>
/// <param name="Sources">Articles per source over the whole index (not only the stories shown), most first.</param>
/// <param name="Sections">Articles per section over the whole index, most first.</param>
public sealed record LatestStories(IReadOnlyList<SearchHit> Hits, IReadOnlyList<FacetValue> Sources, IReadOnlyList<FacetValue> Sections);
