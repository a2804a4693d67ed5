using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Search.Client.Errors;

namespace Search.Client.Http;

/// <summary>
/// Sends requests to the service and reads its answers: a success body as its contract record, an error as the typed
/// exception for its status (<see cref="ErrorResponse"/>). Requests to keyed endpoints carry the API key, others do not,
/// so the key travels no further than it must.
/// </summary>
internal sealed class ApiTransport
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly string? _apiKey;

    public ApiTransport(HttpClient http, Uri baseAddress, string? apiKey)
    {
        _http = http;
        _baseAddress = baseAddress;
        _apiKey = apiKey;
    }

    public Task<T> GetAsync<T>(string relativeUri, JsonTypeInfo<T> answer, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Resolve(relativeUri)), answer, cancellationToken);

    /// <summary>A request to a keyed endpoint, carrying <c>X-Api-Key</c> when a key is configured.</summary>
    public Task<T> SendKeyedAsync<T>(HttpMethod method, string relativeUri, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, Resolve(relativeUri)) { Content = content };
        if (_apiKey is not null)
        {
            request.Headers.Add(ApiKeyHeader, _apiKey);
        }

        return SendAsync(request, answer, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw await ErrorResponse.ReadAsync(response, cancellationToken);
                }

                try
                {
                    return await response.Content.ReadFromJsonAsync(answer, cancellationToken) ?? throw Unreadable(response, "The body was empty.", null);
                }
                catch (JsonException ex)
                {
                    throw Unreadable(response, ex.Message, ex);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // A body cut off by the caller's cancellation surfaces from some handlers as an I/O error; the caller
                // asked for the cancellation and should see it as one.
                throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
            }
        }
    }

    private Uri Resolve(string relativeUri) => new(_baseAddress, relativeUri);

    private static SearchApiException Unreadable(HttpResponseMessage response, string detail, Exception? cause) =>
        new(response.StatusCode, code: null, "The service's answer could not be read", detail, traceId: null, cause);
}
