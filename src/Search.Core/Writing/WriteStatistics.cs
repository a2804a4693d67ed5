namespace Search.Core.Writing;

/// <summary>The write path's state.</summary>
/// <param name="AppliedSequence">The last change applied to the index.</param>
/// <param name="CommittedSequence">The last change held by an index commit.</param>
/// <param name="PendingChanges">Changes logged and not yet applied.</param>
/// <param name="Fault">Why writes stopped, or are refused while the index folder cannot be written, when they are.</param>
public sealed record WriteStatistics(ArticleLogStatistics Log, long AppliedSequence, long CommittedSequence, long PendingChanges, string? Fault);
