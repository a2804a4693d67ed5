namespace Search.Api.Contracts;

/// <summary>Body of <c>POST /api/index/_reindex</c>: files or folders on the server to rebuild from, a relative one
/// taken from the service's content root; none rebuilds from the articles the index stores.</summary>
public sealed record ReindexRequest(string[]? Paths);
