namespace Search.Core.Writing;

/// <summary>What a reindex did.</summary>
/// <param name="Imported">Articles read from the source into the new index.</param>
/// <param name="Skipped">Source records that could not become articles.</param>
/// <param name="Replayed">Changes written while the new index was built, applied to it before the switch.</param>
public sealed record ReindexResult(long Imported, long Skipped, int Replayed, TimeSpan Elapsed);
