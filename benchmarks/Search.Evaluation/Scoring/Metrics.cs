namespace Search.Evaluation.Scoring;

/// <summary>
/// Rank metrics with binary relevance, as pure functions of a ranking (best first, no duplicates) and the set of
/// relevant document ids. A query with no relevant documents scores 0 everywhere.
/// </summary>
public static class Metrics
{
    /// <summary>1 / rank of the first relevant document within the top <paramref name="depth"/>, else 0 (MRR@10 at 10).</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int depth = 10)
    {
        var limit = Math.Min(depth, ranking.Count);
        for (var i = 0; i < limit; i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>1 when any relevant document is in the top <paramref name="depth"/>, else 0.</summary>
    public static double Success(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int depth) =>
        ranking.Take(depth).Any(relevant.Contains) ? 1 : 0;

    /// <summary>
    /// nDCG with binary gains and a log2(rank + 1) discount over the top <paramref name="depth"/>; the ideal ranking puts
    /// all relevant documents first, so its DCG counts min(|relevant|, depth) of them.
    /// </summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int depth = 10)
    {
        var ideal = 0.0;
        for (var i = 0; i < Math.Min(relevant.Count, depth); i++)
        {
            ideal += Discount(i);
        }

        if (ideal == 0)
        {
            return 0;
        }

        var dcg = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var limit = Math.Min(depth, ranking.Count);
        for (var i = 0; i < limit; i++)
        {
            if (relevant.Contains(ranking[i]) && seen.Add(ranking[i]))
            {
                dcg += Discount(i);
            }
        }

        return dcg / ideal;
    }

    /// <summary>Relevant documents found in the top <paramref name="depth"/>, over all relevant documents.</summary>
    public static double Recall(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant, int depth = 100)
    {
        if (relevant.Count == 0)
        {
            return 0;
        }

        var found = ranking.Take(depth).Where(relevant.Contains).Distinct(StringComparer.Ordinal).Count();
        return (double)found / relevant.Count;
    }

    /// <summary>Every metric for one query.</summary>
    public static MetricSummary Score(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant) => new(
        ReciprocalRank(ranking, relevant, 10),
        Success(ranking, relevant, 1),
        Success(ranking, relevant, 10),
        Ndcg(ranking, relevant, 10),
        Recall(ranking, relevant, 100));

    /// <summary>
    /// The mean of every metric over all judged queries of <paramref name="qrels"/>. A judged query missing from
    /// <paramref name="rankings"/> (not run, or nothing found) scores 0; unjudged queries are ignored.
    /// </summary>
    public static MetricSummary Average(IReadOnlyDictionary<string, IReadOnlyList<string>> rankings, Qrels qrels) =>
        MetricSummary.Mean([.. qrels.QueryIds.Select(queryId => rankings.TryGetValue(queryId, out var ranking)
            ? Score(ranking, qrels.Relevant(queryId))
            : MetricSummary.Zero)]);

    /// <summary>Discount of the document at 0-based <paramref name="index"/>: 1 / log2(rank + 1).</summary>
    private static double Discount(int index) => 1.0 / Math.Log2(index + 2);
}
