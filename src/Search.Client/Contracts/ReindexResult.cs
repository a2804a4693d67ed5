namespace Search.Client.Contracts;

/// <summary>A finished rebuild of the index.</summary>
/// <param name="Imported">Articles in the new index.</param>
/// <param name="Skipped">Records that could not be read.</param>
/// <param name="Replayed">Writes made during the rebuild and carried over.</param>
/// <param name="TookMs">How long it took, in milliseconds.</param>
/// <param name="Problems">The first skipped records, as <c>file:line: reason</c>.</param>
public sealed record ReindexResult(long Imported, long Skipped, int Replayed, long TookMs, IReadOnlyList<string> Problems);
