namespace Search.Client.Http;

/// <summary>The body of <c>POST /api/index/_reindex</c>.</summary>
internal sealed record ReindexRequest(IReadOnlyList<string>? Paths);
