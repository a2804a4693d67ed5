namespace Search.Client.Http;

/// <summary>The body of <c>POST /api/index/_snapshot</c>.</summary>
internal sealed record SnapshotRequest(string? Name);
