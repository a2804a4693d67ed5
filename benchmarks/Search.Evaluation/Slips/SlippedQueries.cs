using Search.Evaluation.Collections;

namespace Search.Evaluation.Slips;

/// <summary>
/// A copy of a query set with one typing slip in each query, the kind drawn uniformly from the five
/// (<see cref="SlipKind"/>) with a fixed seed; a query without a place for the kind drawn gets another kind, and a
/// query with no place for any is kept as it is. Same ids as the originals, so the same judgements score it.
/// </summary>
public static class SlippedQueries
{
    /// <returns>The slipped queries, each with the kind of its slip (null when it had no place for any).</returns>
    public static IReadOnlyList<(EvaluationQuery Query, SlipKind? Kind)> Build(IReadOnlyList<EvaluationQuery> queries, int seed)
    {
        var random = new Random(seed);
        var slipped = new List<(EvaluationQuery, SlipKind?)>(queries.Count);
        foreach (var query in queries)
        {
            var order = Enum.GetValues<SlipKind>().OrderBy(_ => random.Next()).ToList();
            var (text, kind) = order.Select(kind => (Text: TypingSlips.Apply(query.Text, kind, random), Kind: kind))
                .FirstOrDefault(attempt => attempt.Text is not null);
            slipped.Add(text is null ? (query, null) : (query with { Text = text }, kind));
        }

        return slipped;
    }

    /// <summary>How many queries got each kind, and how many none, as <c>DroppedLetter 191, …, none 0</c>.</summary>
    public static string KindCounts(IReadOnlyList<(EvaluationQuery Query, SlipKind? Kind)> slipped) =>
        string.Join(", ", Enum.GetValues<SlipKind>().Select(kind => $"{kind} {slipped.Count(query => query.Kind == kind)}"))
        + $", none {slipped.Count(query => query.Kind is null)}";

    /// <summary>Writes <c>id&lt;TAB&gt;kind&lt;TAB&gt;slipped text</c>, one query a line, to look into what each slip did.</summary>
    public static void Write(string path, IReadOnlyList<(EvaluationQuery Query, SlipKind? Kind)> slipped) =>
        File.WriteAllLines(path, slipped.Select(query => $"{query.Query.Id}\t{query.Kind?.ToString() ?? "none"}\t{query.Query.Text.ReplaceLineEndings(" ")}"));
}
