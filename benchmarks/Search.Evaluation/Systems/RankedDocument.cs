namespace Search.Evaluation.Systems;

/// <summary>One hit of a ranking: the document id and the engine's score.</summary>
public readonly record struct RankedDocument(string Id, float Score);
