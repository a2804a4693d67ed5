namespace Search.Client.Contracts;

/// <summary>What happened to one article of a bulk write.</summary>
/// <param name="Line">Its 1-based line in the request.</param>
/// <param name="Id">Its id, when it could be read.</param>
/// <param name="Status">201 created, 200 updated, 400 invalid, 413 too large.</param>
/// <param name="Result">What the write did; null when refused.</param>
/// <param name="Error">Why it was refused.</param>
/// <param name="Field">The field at fault, when one is.</param>
public sealed record BulkItem(int Line, string? Id, int Status, WriteOutcome? Result = null, string? Error = null, string? Field = null)
{
    /// <summary>True when the article was written.</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
