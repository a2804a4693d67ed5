namespace Search.Core.Indexing;

/// <summary>A copy of an index commit made by <see cref="NewsIndex.SnapshotTo"/>.</summary>
/// <param name="Sequence">The change-log position the copy holds everything up to.</param>
public sealed record IndexSnapshotInfo(string Folder, long Generation, int Files, long Bytes, long Sequence);
