namespace Search.Core.Writing;

/// <summary>A change as the log holds it: its position in the one order every index applies changes in.</summary>
public readonly record struct LoggedChange(long Sequence, ArticleChange Change);
