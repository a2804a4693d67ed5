namespace Search.Core.Indexing;

/// <summary>A copy of an index commit made by <see cref="NewsIndex.SnapshotTo"/>.</summary>
/// <param name="Bytes">The size of the commit's files.</param>
/// <param name="Sequence">The change-log position the copy holds everything up to.</param>
/// <param name="CopiedBytes">What was copied: 0 when every file was hard-linked (a snapshot on the index's own disk),
/// <paramref name="Bytes"/> when none could be.</param>
public sealed record IndexSnapshotInfo(string Folder, long Generation, int Files, long Bytes, long Sequence, long CopiedBytes);
