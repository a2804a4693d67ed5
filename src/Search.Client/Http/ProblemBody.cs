namespace Search.Client.Http;

/// <summary>An RFC 9457 problem as the service writes it, with its <c>code</c>, <c>traceId</c> and, for a 400, the
/// <c>errors</c> per parameter.</summary>
internal sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Code,
    string? TraceId,
    Dictionary<string, string[]>? Errors);
