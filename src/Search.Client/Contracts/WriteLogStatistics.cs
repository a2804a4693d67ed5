namespace Search.Client.Contracts;

/// <summary>The write-ahead log's state.</summary>
/// <param name="LastSequence">The position of the last durable change (0 when none was ever written).</param>
/// <param name="CheckpointSequence">Changes up to here are in an index commit.</param>
/// <param name="Files">Log files kept on disk.</param>
/// <param name="Bytes">Their size.</param>
public sealed record WriteLogStatistics(long LastSequence, long CheckpointSequence, int Files, long Bytes);
