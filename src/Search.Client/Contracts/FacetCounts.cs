namespace Search.Client.Contracts;

/// <summary>Counts over every match, not just the page.</summary>
/// <param name="Source">Per outlet.</param>
/// <param name="Section">Per section.</param>
/// <param name="Month">Per month of publication (<c>yyyy-MM</c>, UTC).</param>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Source, IReadOnlyList<FacetValue> Section, IReadOnlyList<FacetValue> Month);
