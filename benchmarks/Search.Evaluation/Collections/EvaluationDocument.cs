namespace Search.Evaluation.Collections;

/// <summary>One document every configuration indexes the same way: <see cref="Title"/> as the title field,
/// <see cref="Body"/> as the body field, nothing else.</summary>
/// <param name="Id">Unique in its collection, without whitespace (it is written to TREC run files).</param>
public sealed record EvaluationDocument(string Id, string Title, string Body);
