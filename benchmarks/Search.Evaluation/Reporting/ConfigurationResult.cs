using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Evaluation.Scoring;

namespace Search.Evaluation.Reporting;

/// <summary>How one configuration did on one collection.</summary>
/// <param name="Ranking">The service's ranking options; null for the Lucene baselines.</param>
/// <param name="EmptyResults">Queries for which it found nothing (they score 0).</param>
/// <param name="RunFile">The TREC run file it wrote.</param>
public sealed record ConfigurationResult(
    string Name,
    string Description,
    RankingOptions? Ranking,
    MetricSummary Metrics,
    int EmptyResults,
    double IndexSeconds,
    double SearchSeconds,
    string RunFile)
{
    /// <summary>Its scores on the collection's other wordings of the queries (a copy with typing slips), if any.</summary>
    public IReadOnlyList<WordingResult> OtherWordings { get; init; } = [];
}
