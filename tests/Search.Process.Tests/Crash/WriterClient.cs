using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Search.Process.Tests.Crash;

/// <summary>
/// One client writing as fast as the service answers, one request at a time, over its own ids (<c>w{n}-{k}</c>):
/// PUTs, small and large <c>_bulk</c> requests and DELETEs, creating, replacing and removing, some with
/// <c>refresh=wait_for</c>. Every 2xx goes into the <see cref="WriteLedger"/> as acknowledged, with the status checked
/// against what the ledger says (201 for new ids, 200 for replaced ones). The first request that gets no answer
/// (the service was killed) is recorded as unanswered and ends the run.
/// </summary>
/// <param name="firstAcknowledgement">Completed at the first acknowledged write of any client: the service is warm.</param>
internal sealed class WriterClient(int number, int idsPerClient, WriteLedger ledger, int seed, TaskCompletionSource firstAcknowledgement)
{
    private readonly Random _random = new(seed);
    private readonly ArticleGenerator _articles = new(seed);
    private int _version;

    /// <summary>Anything the service did that it should not have; empty when all went as expected.</summary>
    public List<string> Problems { get; } = [];

    public int AcknowledgedChanges { get; private set; }

    public int UnansweredChanges { get; private set; }

    /// <param name="killed">True once the test has decided to kill the service: only then may requests fail.</param>
    public async Task RunAsync(HttpClient http, Func<bool> killed)
    {
        while (true)
        {
            var (request, changes) = NextRequest();
            string body;
            HttpStatusCode status;
            try
            {
                using var response = await http.SendAsync(request);
                status = response.StatusCode;
                body = await response.Content.ReadAsStringAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or TaskCanceledException)
            {
                // SocketException escapes HttpClient when the service dies between accepting a connection and reading it.
                foreach (var (id, state) in changes)
                {
                    ledger.Unanswered(id, state);
                }

                UnansweredChanges += changes.Count;
                if (!killed())
                {
                    Problems.Add($"{Describe(request)} failed before the service was killed: {ex.Message}");
                }

                return;
            }
            finally
            {
                request.Dispose();
            }

            if (Check(request, changes, status, body) is { } problem)
            {
                Problems.Add(problem);
                return;
            }

            foreach (var (id, state) in changes)
            {
                ledger.Acknowledge(id, state);
            }

            AcknowledgedChanges += changes.Count;
            firstAcknowledgement.TrySetResult();
        }
    }

    private (HttpRequestMessage Request, List<(string Id, ArticleVersion? State)> Changes) NextRequest()
    {
        var refresh = _random.NextDouble() < 0.1 ? "?refresh=wait_for" : "";
        var roll = _random.NextDouble();
        if (roll >= 0.8 && PresentId() is { } deleted)
        {
            return (new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{deleted}{refresh}"), [(deleted, null)]);
        }

        if (roll < 0.45)
        {
            var article = NewVersion(RandomId());
            return (
                new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{article.Id}{refresh}")
                {
                    Content = new StringContent(article.ToJson(), Encoding.UTF8, "application/json"),
                },
                [(article.Id, article)]);
        }

        // Mostly small bulks; one in six large enough that the service analyzes its documents ahead while it applies them.
        var size = roll < 0.7 ? _random.Next(2, 9) : _random.Next(64, 120);
        var batch = Enumerable.Range(0, size).Select(_ => RandomId()).Distinct(StringComparer.Ordinal).Select(NewVersion).ToList();
        var lines = string.Join('\n', batch.Select(article => article.ToJson()));
        return (
            new HttpRequestMessage(HttpMethod.Post, $"/api/articles/_bulk{refresh}")
            {
                Content = new StringContent(lines, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
            },
            [.. batch.Select(article => (article.Id, (ArticleVersion?)article))]);
    }

    /// <returns>What was wrong with the answer, or null.</returns>
    private string? Check(HttpRequestMessage request, List<(string Id, ArticleVersion? State)> changes, HttpStatusCode status, string body)
    {
        var expected = request.Method == HttpMethod.Post || changes[0].State is null || ledger.Current(changes[0].Id) is not null
            ? HttpStatusCode.OK
            : HttpStatusCode.Created;
        if (status != expected)
        {
            return $"{Describe(request)} answered {(int)status}, expected {(int)expected}: {body}";
        }

        if (request.Method != HttpMethod.Post)
        {
            return null;
        }

        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        if (json.RootElement.GetProperty("errors").GetBoolean() || items.Count != changes.Count)
        {
            return $"{Describe(request)} answered with errors or {items.Count} items for {changes.Count} lines: {body}";
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemStatus = items[i].GetProperty("status").GetInt32();
            var itemExpected = ledger.Current(changes[i].Id) is null ? 201 : 200;
            if (items[i].GetProperty("id").GetString() != changes[i].Id || itemStatus != itemExpected)
            {
                return $"{Describe(request)}: item {i + 1} is {items[i]}, expected id {changes[i].Id} with status {itemExpected}";
            }
        }

        return null;
    }

    private ArticleVersion NewVersion(string id) => _articles.Next(id, ++_version);

    private string RandomId() => $"w{number}-{_random.Next(idsPerClient)}";

    /// <summary>An id of this client that holds an article, or null when none does.</summary>
    private string? PresentId()
    {
        var start = _random.Next(idsPerClient);
        for (var i = 0; i < idsPerClient; i++)
        {
            var id = $"w{number}-{(start + i) % idsPerClient}";
            if (ledger.Current(id) is not null)
            {
                return id;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri}";
}
