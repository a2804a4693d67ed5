using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Indexer.Push;

/// <summary>
/// Calls a running search service's keyed endpoints. Bulk writes are keyed upserts, so sending one again is harmless:
/// a batch is retried after a connection failure, a timeout or a 502/503/504/429, with the waits of its
/// <see cref="ServiceConnection"/>. A bulk request refused as too large (413) comes back as each of its lines refused;
/// any other refusal ends the run with the service's problem detail.
/// </summary>
/// <remarks>Thread-safe: batches in flight share one client.</remarks>
internal sealed class ServiceClient(HttpClient http, string apiKey, IReadOnlyList<TimeSpan> retryDelays) : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly HttpStatusCode[] Transient =
        [HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout, HttpStatusCode.TooManyRequests];

    public Uri BaseAddress => http.BaseAddress!;

    /// <exception cref="ServiceException">Refused as a whole for another reason than its size, or unreachable through
    /// the retries.</exception>
    public async Task<BulkReply> BulkAsync(ReadOnlyMemory<byte> ndjson, bool waitForSearch, CancellationToken cancellationToken)
    {
        var path = waitForSearch ? "api/articles/_bulk?refresh=wait_for" : "api/articles/_bulk";
        using var response = await SendAsync(
            () =>
            {
                var content = new ReadOnlyMemoryContent(ndjson);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            },
            retry: true,
            cancellationToken,
            answered: HttpStatusCode.RequestEntityTooLarge);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            // The request as a whole, not one article: each of its lines is refused, and the run goes on.
            var reason = $"its bulk request was too large ({await ExplainAsync(response, cancellationToken)})";
            return BulkReply.AllRefused(ndjson.Span.Count((byte)'\n'), (int)response.StatusCode, reason);
        }

        return await ReadAsync<BulkReply>(response, cancellationToken);
    }

    /// <summary>Asks the service to snapshot its index into its snapshot folder, under <paramref name="name"/> or a time stamp.</summary>
    /// <exception cref="ServiceException">Refused or unreachable.</exception>
    public async Task<SnapshotReply> SnapshotAsync(string? name, CancellationToken cancellationToken)
    {
        // Not retried: a snapshot taken whose answer was lost would be refused the second time, its name being taken.
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/index/_snapshot") { Content = JsonContent.Create(new { name }) },
            retry: false,
            cancellationToken);
        return await ReadAsync<SnapshotReply>(response, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    /// <param name="answered">A refusal returned to the caller rather than thrown.</param>
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest, bool retry, CancellationToken cancellationToken, HttpStatusCode? answered = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = retry && attempt < retryDelays.Count;
            HttpResponseMessage response;
            try
            {
                using var request = createRequest();
                request.Headers.Add(ApiKeyHeader, apiKey);
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (canRetry)
            {
                await Task.Delay(retryDelays[attempt], cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new ServiceException($"cannot reach the service at {BaseAddress}: {ex.Message}", ex);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && canRetry)
            {
                // HttpClient's own timeout, not ours.
                await Task.Delay(retryDelays[attempt], cancellationToken);
                continue;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ServiceException($"the service at {BaseAddress} did not answer within {http.Timeout.TotalSeconds:N0} s", ex);
            }

            if (response.IsSuccessStatusCode || response.StatusCode == answered)
            {
                return response;
            }

            using (response)
            {
                if (canRetry && Transient.Contains(response.StatusCode))
                {
                    var wait = response.Headers.RetryAfter?.Delta is { } delta && delta > retryDelays[attempt] && delta < TimeSpan.FromSeconds(30)
                        ? delta
                        : retryDelays[attempt];
                    await Task.Delay(wait, cancellationToken);
                    continue;
                }

                throw new ServiceException(await DescribeAsync(response, cancellationToken));
            }
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new ServiceException($"the service at {BaseAddress} answered {(int)response.StatusCode} with an empty body");
        }
        catch (JsonException ex)
        {
            throw new ServiceException($"the answer from {BaseAddress} is not the search service's: {ex.Message}", ex);
        }
    }

    private async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var hint = response.StatusCode == HttpStatusCode.NotFound ? $" (is {BaseAddress} the search service?)" : "";
        return $"the service answered {await ExplainAsync(response, cancellationToken)}{hint}";
    }

    /// <summary>The status and the problem's detail (or title), and the fields at fault for a validation problem.</summary>
    private static async Task<string> ExplainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(cancellationToken);
            if (problem is not null && (problem.Detail ?? problem.Title) is { } text)
            {
                var fields = problem.Errors is { Count: > 0 } errors
                    ? $" ({string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"))})"
                    : "";
                return $"{status}: {text}{fields}";
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a problem body (a proxy's HTML page, say): the status alone says enough.
        }

        return status;
    }

    private sealed record Problem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);
}
