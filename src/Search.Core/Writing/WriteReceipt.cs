namespace Search.Core.Writing;

/// <summary>What a durable write did: one outcome per change, in the order given, and the log positions given.</summary>
public sealed record WriteReceipt(SequenceRange Sequences, IReadOnlyList<ChangeOutcome> Outcomes);
