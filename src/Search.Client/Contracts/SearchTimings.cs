namespace Search.Client.Contracts;

/// <summary>A search's time in its three parts, in milliseconds.</summary>
/// <param name="QueryMs">Turning the query into index clauses.</param>
/// <param name="MatchMs">Finding and counting matches, with facets and sorting.</param>
/// <param name="HitsMs">Loading, collapsing and highlighting the page's hits.</param>
public sealed record SearchTimings(double QueryMs, double MatchMs, double HitsMs);
