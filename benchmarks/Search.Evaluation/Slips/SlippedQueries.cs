using Search.Evaluation.Collections;

namespace Search.Evaluation.Slips;

/// <summary>
/// A copy of a query set with one typing slip in each query, the kind drawn uniformly from the five
/// (<see cref="SlipKind"/>) with a fixed seed; a query without a place for the kind drawn gets another kind, and a
/// query with no place for any is kept as it is. Same ids as the originals, so the same judgements score it.
/// </summary>
public static class SlippedQueries
{
    /// <returns>The slipped queries, how many got each kind, and how many had no place for any.</returns>
    public static (IReadOnlyList<EvaluationQuery> Queries, IReadOnlyDictionary<SlipKind, int> Kinds, int Unchanged) Build(
        IReadOnlyList<EvaluationQuery> queries, int seed)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<SlipKind>().ToDictionary(kind => kind, _ => 0);
        var unchanged = 0;
        var slipped = new List<EvaluationQuery>(queries.Count);
        foreach (var query in queries)
        {
            var order = Enum.GetValues<SlipKind>().OrderBy(_ => random.Next()).ToList();
            var (text, kind) = order.Select(kind => (Text: TypingSlips.Apply(query.Text, kind, random), Kind: kind))
                .FirstOrDefault(attempt => attempt.Text is not null);
            if (text is null)
            {
                unchanged++;
                slipped.Add(query);
                continue;
            }

            kinds[kind]++;
            slipped.Add(query with { Text = text });
        }

        return (slipped, kinds, unchanged);
    }
}
