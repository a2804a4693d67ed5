using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Search.Process.Tests.Crash;

namespace Search.Postgres.Tests.Replication;

/// <summary>
/// One client writing to one node as fast as it answers, over its own ids: PUTs, small <c>_bulk</c> requests and
/// DELETEs. A 2xx (or a 404 for a delete) goes into the <see cref="WriteLedger"/> as acknowledged; a 503 or a lost
/// connection (the database or the node going away) as unanswered, and the client goes on after a short pause. Any
/// other answer is a problem.
/// </summary>
internal sealed class StreamingWriter(string prefix, int ids, WriteLedger ledger, int seed)
{
    private readonly Random _random = new(seed);
    private readonly ArticleGenerator _articles = new(seed);
    private int _version;

    public List<string> Problems { get; } = [];

    public int Acknowledged { get; private set; }

    public int Refused { get; private set; }

    public async Task RunAsync(HttpClient node, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (request, changes) = NextRequest();
            try
            {
                using var response = await node.SendAsync(request, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.IsSuccessStatusCode || (request.Method == HttpMethod.Delete && response.StatusCode == HttpStatusCode.NotFound))
                {
                    foreach (var (id, state) in changes)
                    {
                        ledger.Acknowledge(id, state);
                    }

                    Acknowledged += changes.Count;
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Problems.Add($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or TaskCanceledException)
            {
                // The node went away mid-request: the write may or may not have been committed.
            }
            finally
            {
                request.Dispose();
            }

            foreach (var (id, state) in changes)
            {
                ledger.Unanswered(id, state);
            }

            Refused += changes.Count;
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private (HttpRequestMessage Request, List<(string Id, ArticleVersion? State)> Changes) NextRequest()
    {
        var roll = _random.NextDouble();
        if (roll >= 0.8)
        {
            var deleted = RandomId();
            return (new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{deleted}"), [(deleted, null)]);
        }

        if (roll < 0.5)
        {
            var article = _articles.Next(RandomId(), ++_version);
            return (
                new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{article.Id}") { Content = new StringContent(article.ToJson(), Encoding.UTF8, "application/json") },
                [(article.Id, article)]);
        }

        var batch = Enumerable.Range(0, _random.Next(2, 9)).Select(_ => RandomId()).Distinct(StringComparer.Ordinal).Select(id => _articles.Next(id, ++_version)).ToList();
        return (
            new HttpRequestMessage(HttpMethod.Post, "/api/articles/_bulk")
            {
                Content = new StringContent(string.Join('\n', batch.Select(article => article.ToJson())), Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
            },
            [.. batch.Select(article => (article.Id, (ArticleVersion?)article))]);
    }

    private string RandomId() => $"{prefix}-{_random.Next(ids)}";
}
