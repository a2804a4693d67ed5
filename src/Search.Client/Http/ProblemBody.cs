namespace Search.Client.Http;

/// <summary>An RFC 9457 problem as the service writes it, with its <c>code</c>, <c>traceId</c> and, for a 400, the
/// <c>errors</c> per parameter. Every member may be missing (an error from something in front of the service).</summary>
internal sealed record ProblemBody(
    string? Type = null,
    string? Title = null,
    int? Status = null,
    string? Detail = null,
    string? Code = null,
    string? TraceId = null,
    Dictionary<string, string[]>? Errors = null);
