namespace Search.Core.Suggesting;

/// <summary>A word or phrase that completes what was typed, with its totals over every segment.</summary>
/// <param name="Key">Folded.</param>
/// <param name="Written">The form the titles most often write it in.</param>
/// <param name="Count">Live articles holding it.</param>
/// <param name="Score">Occurrences weighted by recency (<see cref="Freshness.Score"/>).</param>
internal sealed record CountedCompletion(string Key, string Written, int Count, double Score);
