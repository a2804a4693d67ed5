using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Evaluation.Systems;

/// <summary>A configuration to evaluate: its name (the TREC run tag), what it is, and how to build a fresh one.</summary>
/// <param name="Ranking">The service's ranking options; null for the Lucene baselines.</param>
public sealed record SystemDefinition(string Name, string Description, RankingOptions? Ranking, Func<IRankingSystem> Create);
