namespace Search.Api.Contracts;

/// <summary>Body of <c>POST /api/index/_snapshot</c>: the snapshot's folder name under <c>Search:SnapshotPath</c>
/// (Latin letters, digits, <c>.</c>, <c>_</c>, <c>-</c>); a time-stamped name when left out.</summary>
public sealed record SnapshotRequest(string? Name);
