namespace Search.Evaluation.Collections;

/// <summary>Another wording of a collection's queries (same ids, so the same judgements), run on the same index.</summary>
/// <param name="Name">Names its rows in the tables and its run files.</param>
public sealed record QuerySet(string Name, IReadOnlyList<EvaluationQuery> Queries);
