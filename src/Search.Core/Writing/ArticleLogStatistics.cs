namespace Search.Core.Writing;

/// <summary>The state of an <see cref="IArticleLog"/>.</summary>
/// <param name="LastSequence">The position of the last durable change (0 when none was ever written).</param>
/// <param name="CheckpointSequence">Changes up to here are in an index commit.</param>
/// <param name="Files">Log files kept on disk.</param>
public sealed record ArticleLogStatistics(long LastSequence, long CheckpointSequence, int Files, long Bytes);
