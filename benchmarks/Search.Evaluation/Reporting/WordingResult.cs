using Search.Evaluation.Scoring;

namespace Search.Evaluation.Reporting;

/// <summary>How one configuration did on one wording of a collection's queries (<see cref="Collections.QuerySet"/>).</summary>
/// <param name="EmptyResults">Queries for which it found nothing (they score 0).</param>
/// <param name="RunFile">The TREC run file it wrote.</param>
public sealed record WordingResult(string Name, MetricSummary Metrics, int EmptyResults, double SearchSeconds, string RunFile);
