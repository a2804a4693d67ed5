using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Search.Core.Tests.Feeds;

/// <summary>
/// An in-memory web for the feed tests: each URL answers what the test set (404 otherwise), and every request is
/// recorded. <see cref="Feed"/> answers like a server with validators: 304 when the request sends its ETag back.
/// </summary>
internal sealed class StubWeb : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public IReadOnlyList<StubRequest> RequestsTo(string url) => [.. _requests.Where(request => request.Url == url)];

    public HttpClient Client() => new(this, disposeHandler: false);

    public void Answer(string url, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) => _answers[url] = answer;

    public void Answer(string url, Func<HttpResponseMessage> answer) => Answer(url, (_, _) => Task.FromResult(answer()));

    /// <summary>Serves <paramref name="xml"/> with validators; give a new ETag with each new version.</summary>
    public void Feed(string url, string xml, string etag = "\"v1\"", string lastModified = "Mon, 02 Feb 2026 10:00:00 GMT") =>
        Answer(url, (request, _) =>
        {
            if (request.Headers.TryGetValues("If-None-Match", out var sent) && sent.Contains(etag))
            {
                var notModified = new HttpResponseMessage(HttpStatusCode.NotModified);
                notModified.Headers.TryAddWithoutValidation("ETag", etag);
                return Task.FromResult(notModified);
            }

            var response = Text(xml, "application/rss+xml");
            response.Headers.TryAddWithoutValidation("ETag", etag);
            response.Content.Headers.TryAddWithoutValidation("Last-Modified", lastModified);
            return Task.FromResult(response);
        });

    public void Page(string url, string html, string mediaType = "text/html") => Answer(url, () => Text(html, mediaType));

    public void Status(string url, HttpStatusCode status) => Answer(url, () => new HttpResponseMessage(status));

    public static HttpResponseMessage Text(string text, string mediaType) =>
        new(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        _requests.Enqueue(new StubRequest(url, Header(request, "If-None-Match"), Header(request, "If-Modified-Since")));
        return _answers.TryGetValue(url, out var answer)
            ? answer(request, cancellationToken)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

/// <summary>A request <see cref="StubWeb"/> received, with the validators it sent.</summary>
internal sealed record StubRequest(string Url, string? IfNoneMatch, string? IfModifiedSince);
