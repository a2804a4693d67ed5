using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;

namespace Search.LoadTest.Http;

/// <summary>
/// Sends a GET and records what came back as a <see cref="RequestOutcome"/>: status, <c>Retry-After</c>, the problem
/// body's code, or the kind of failure (socket error, reset, timeout), never throwing.
/// </summary>
public sealed class RecordingSender(HttpClient client, long start)
{
    public async Task<RequestOutcome> SendAsync(Uri uri, double due)
    {
        var sent = Now();
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
            var code = IsProblem(response) ? ProblemCode(await response.Content.ReadAsStringAsync()) : null;
            return new RequestOutcome(due, sent, Now(), (int)response.StatusCode, response.Headers.RetryAfter is not null, code, null);
        }
        catch (HttpRequestException ex)
        {
            return new RequestOutcome(due, sent, Now(), 0, false, null, Kind(ex));
        }
        catch (TaskCanceledException)
        {
            return new RequestOutcome(due, sent, Now(), 0, false, null, "timeout");
        }
    }

    /// <summary>Milliseconds since the run's start.</summary>
    public double Now() => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static string? ProblemCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }

    private static string Kind(HttpRequestException ex) => ex.InnerException switch
    {
        SocketException socket => $"socket {socket.SocketErrorCode}",
        IOException { InnerException: SocketException socket } => $"socket {socket.SocketErrorCode}",
        _ => ex.HttpRequestError.ToString(),
    };
}
