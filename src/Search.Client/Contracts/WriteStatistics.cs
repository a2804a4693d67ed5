namespace Search.Client.Contracts;

/// <summary>The write path's state.</summary>
/// <param name="Log">The write-ahead log.</param>
/// <param name="AppliedSequence">The last change applied to the index.</param>
/// <param name="CommittedSequence">The last change held by an index commit.</param>
/// <param name="PendingChanges">Changes logged and not yet applied.</param>
/// <param name="Fault">Why writes stopped, when they did.</param>
public sealed record WriteStatistics(WriteLogStatistics Log, long AppliedSequence, long CommittedSequence, long PendingChanges, string? Fault);
