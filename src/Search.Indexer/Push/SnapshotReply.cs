namespace Search.Indexer.Push;

/// <summary>The answer of <c>POST /api/index/_snapshot</c>: where the copy went, on the service's machine.</summary>
/// <param name="Sequence">The change-log position the copy holds everything up to.</param>
/// <param name="CopiedBytes">What was copied; 0 when every file was hard-linked.</param>
internal sealed record SnapshotReply(string Folder, long Generation, int Files, long Bytes, long Sequence, long CopiedBytes);
