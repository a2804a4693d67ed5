namespace Search.Indexer.Push;

/// <summary>The answer of <c>POST /api/articles/_bulk</c>: one item per line sent, in order.</summary>
internal sealed record BulkReply(long TookMs, bool Errors, int Succeeded, int Failed, IReadOnlyList<BulkReplyItem> Items)
{
    /// <summary>Every one of <paramref name="lines"/> refused for the same reason: the request was refused as a whole.</summary>
    public static BulkReply AllRefused(int lines, int status, string error) =>
        new(0, true, 0, lines, [.. Enumerable.Range(1, lines).Select(line => new BulkReplyItem(line, null, status, Error: error))]);
}

/// <summary>One line's fate: <see cref="Status"/> 200 or 201 when written, 4xx with <see cref="Error"/> when refused.</summary>
/// <param name="Line">The 1-based line of the request body.</param>
internal sealed record BulkReplyItem(int Line, string? Id, int Status, string? Result = null, string? Error = null, string? Field = null)
{
    public bool Written => Status is >= 200 and < 300;
}
