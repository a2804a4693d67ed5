namespace Search.Core.Querying;

/// <summary>Counts over the whole result set, not just the page: per source, per section and per month (yyyy-MM, UTC).</summary>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Source, IReadOnlyList<FacetValue> Section, IReadOnlyList<FacetValue> Month)
{
    public static FacetCounts Empty { get; } = new([], [], []);
}

/// <summary>One facet value and how many results carry it.</summary>
public sealed record FacetValue(string Value, int Count);
