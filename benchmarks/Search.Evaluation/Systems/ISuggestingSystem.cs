namespace Search.Evaluation.Systems;

/// <summary>A configuration that also answers a "did you mean" with its ranking (the service).</summary>
public interface ISuggestingSystem : IRankingSystem
{
    /// <summary>As <see cref="IRankingSystem.Search"/>, with the corrected query the search offered (null when none).</summary>
    (IReadOnlyList<RankedDocument> Hits, string? DidYouMean) SearchWithSuggestion(string query, int depth);
}
