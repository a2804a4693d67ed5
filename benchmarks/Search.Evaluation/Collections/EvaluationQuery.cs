namespace Search.Evaluation.Collections;

/// <summary>One query, as a user would type it.</summary>
/// <param name="Id">Unique in its collection; the qrels refer to it.</param>
public sealed record EvaluationQuery(string Id, string Text);
