namespace Search.Client.Contracts;

/// <summary>An acknowledged write: it is durable (it survives a crash of the service or its machine).</summary>
/// <param name="Id">The article written.</param>
/// <param name="Result">What the write did.</param>
/// <param name="Sequence">The write's position in the service's change log.</param>
public sealed record WriteResult(string Id, WriteOutcome Result, long Sequence);
