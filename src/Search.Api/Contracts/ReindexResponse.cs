namespace Search.Api.Contracts;

/// <summary>Body of a finished <c>POST /api/index/_reindex</c>; <see cref="Problems"/> lists the first skipped
/// records as <c>file:line: reason</c>.</summary>
public sealed record ReindexResponse(long Imported, long Skipped, int Replayed, long TookMs, IReadOnlyList<string> Problems)
{
    public const int MaxProblems = 100;
}
