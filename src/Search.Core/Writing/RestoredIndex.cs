namespace Search.Core.Writing;

/// <summary>An index copied from a snapshot by <see cref="IndexBackup.Restore"/> and checked.</summary>
/// <param name="Sequence">The change-log position the index holds everything up to.</param>
public sealed record RestoredIndex(string Folder, int Files, long Bytes, int Articles, long Sequence);
