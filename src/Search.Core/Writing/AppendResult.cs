namespace Search.Core.Writing;

/// <summary>What an <see cref="IArticleLog"/> append gave: the positions of the changes and, when the log can tell
/// (a database that knows which rows existed), what each change did, in the order given.</summary>
/// <param name="Outcomes">Null when only applying the changes tells what they did (the local log).</param>
public sealed record AppendResult(SequenceRange Sequences, IReadOnlyList<ChangeOutcome>? Outcomes = null);
