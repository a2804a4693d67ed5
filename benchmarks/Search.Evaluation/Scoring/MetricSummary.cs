namespace Search.Evaluation.Scoring;

/// <summary>The scores of one query, or their mean over a query set.</summary>
public sealed record MetricSummary(double Mrr10, double Success1, double Success10, double Ndcg10, double Recall100)
{
    public static MetricSummary Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The mean of each metric; <see cref="Zero"/> for no queries.</summary>
    public static MetricSummary Mean(IReadOnlyCollection<MetricSummary> queries) => queries.Count == 0
        ? Zero
        : new MetricSummary(
            queries.Average(query => query.Mrr10),
            queries.Average(query => query.Success1),
            queries.Average(query => query.Success10),
            queries.Average(query => query.Ndcg10),
            queries.Average(query => query.Recall100));
}
