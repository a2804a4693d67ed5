namespace Search.Api.Contracts;

/// <summary>Body of <c>POST /api/articles/_bulk</c>: one item per non-blank line, in order.</summary>
/// <param name="Errors">True when any line failed.</param>
public sealed record BulkResponse(long TookMs, bool Errors, int Succeeded, int Failed, IReadOnlyList<BulkItem> Items);

/// <summary>What happened to one line: <see cref="Status"/> 201 (created), 200 (updated) or 400 (invalid, with
/// <see cref="Error"/> and the <see cref="Field"/> at fault).</summary>
public sealed record BulkItem(int Line, string? Id, int Status, string? Result = null, string? Error = null, string? Field = null);
