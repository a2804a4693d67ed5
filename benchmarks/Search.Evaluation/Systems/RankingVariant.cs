using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Evaluation.Systems;

/// <summary>A named <see cref="RankingOptions"/> for the service, run as an extra configuration beside <c>ours</c>.</summary>
/// <param name="Name">Starts with <c>ours-</c>.</param>
public sealed record RankingVariant(string Name, RankingOptions Ranking);
