namespace Search.Client.Contracts;

/// <summary>A consistent copy of the index, made on the service's machine.</summary>
/// <param name="Folder">Where the copy is, on the service's machine.</param>
/// <param name="Generation">The copied commit's generation.</param>
/// <param name="Files">Files in the copy.</param>
/// <param name="Bytes">Their size.</param>
/// <param name="Sequence">The change-log position the copy holds everything up to.</param>
/// <param name="CopiedBytes">What the copy took on disk: 0 when its files are hard links to the index's (a snapshot
/// on the index's own disk), <paramref name="Bytes"/> when they had to be copied.</param>
public sealed record SnapshotInfo(string Folder, long Generation, int Files, long Bytes, long Sequence, long CopiedBytes);
