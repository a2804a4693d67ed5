using System.Net;
using System.Text;

namespace Search.Client.Tests;

/// <summary>An HTTP handler that answers every request with one canned response and keeps the requests, for what a
/// running service cannot be made to do (a proxy's error page) and to see the exact addresses the client sends.</summary>
internal sealed class StubHandler(HttpStatusCode status, string body, string mediaType) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public IEnumerable<string> Addresses => Requests.Select(request => request.RequestUri!.AbsoluteUri);

    public static StubHandler Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new(status, json, "application/json");

    public SearchClient Client(string baseAddress = "https://search.example/", string? apiKey = null) =>
        new(new HttpClient(this), new SearchClientOptions { BaseAddress = new Uri(baseAddress), ApiKey = apiKey });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = request,
        });
    }
}
