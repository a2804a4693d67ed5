using System.Net;
using System.Text.Json;
using Search.Client.Errors;

namespace Search.Client.Http;

/// <summary>Turns an error answer into the typed exception for its status, from its problem details when it has them
/// and from the status line when it does not (an error page from a proxy in front of the service).</summary>
internal static class ErrorResponse
{
    public static async Task<SearchApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemAsync(response, cancellationToken);
        var status = response.StatusCode;
        var code = problem?.Code;
        var title = problem?.Title ?? response.ReasonPhrase ?? status.ToString();
        var detail = problem?.Detail;
        var traceId = problem?.TraceId;
        return status switch
        {
            HttpStatusCode.BadRequest => new SearchValidationException(code, title, detail, traceId, Errors(problem)),
            HttpStatusCode.Unauthorized => new SearchUnauthorizedException(code, title, detail, traceId),
            HttpStatusCode.Forbidden => new SearchForbiddenException(code, title, detail, traceId),
            HttpStatusCode.NotFound => new SearchNotFoundException(code, title, detail, traceId),
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable =>
                new SearchUnavailableException(status, code, title, detail, traceId, RetryAfter(response)),
            _ => new SearchApiException(status, code, title, detail, traceId),
        };
    }

    private static async Task<ProblemBody?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, SearchClientJsonContext.Wire.ProblemBody, cancellationToken);
        }
        catch (JsonException)
        {
            // A JSON error body in some other shape: the status line still says what happened.
            return null;
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Errors(ProblemBody? problem) =>
        problem?.Errors?.ToDictionary(error => error.Key, error => (IReadOnlyList<string>)error.Value, StringComparer.Ordinal)
        ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
