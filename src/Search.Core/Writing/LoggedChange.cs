namespace Search.Core.Writing;

/// <summary>A change as the log holds it: its position in the one order every index applies changes in.</summary>
/// <remarks><see cref="Version"/> is the position of the write that produced the article this change carries, which
/// the index stores with it (so nodes can compare what they hold). It is the change's own position, unless the log
/// hands out the article's current state instead of the state this change wrote, as a shared log does.</remarks>
public readonly record struct LoggedChange(long Sequence, ArticleChange Change)
{
    public long Version { get; init; } = Sequence;
}
