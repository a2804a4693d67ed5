using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Core.Ingestion;
using Search.Indexer.Push;

namespace Search.Indexer.Tests;

/// <summary><see cref="ArticlePusher"/> resuming a push: the records it skips and how far it says the service got.</summary>
public sealed class ArticlePusherTests : TestFolder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_records_to_skip_are_not_sent_but_count_as_sent_and_their_problems_are_still_reported()
    {
        await using var service = new ServiceFactory(Folder("index"));
        using var api = service.CreateKeyedClient();
        Assert.Equal(HttpStatusCode.Created, (await api.PutAsJsonAsync("/api/articles/k-1", new { title = "نسخة الواجهة" })).StatusCode);
        var input = Write("feed.jsonl", Record("k-1", "نسخة الملف"), "{not json", Record("k-3", "خبر ثالث"), Record("k-4", "خبر رابع"), Record("k-5", "خبر خامس"));
        using var client = service.Connection.Connect(new Uri(ServiceFactory.Url), ServiceFactory.ApiKey);
        var problems = new List<IngestProblem>();
        var acknowledged = new List<long>();

        var summary = await new ArticlePusher(client, new PushOptions(BatchSize: 1, Concurrency: 1))
            .PushAsync(new ArticleSources().ReadFile(input), problems.Add, null, skip: 3, acknowledged.Add, CancellationToken.None);

        Assert.Equal(4, summary.Sent);
        Assert.Equal(2, Assert.Single(problems).Line);
        Assert.Equal([4L, 5L], acknowledged);
        Assert.Equal("نسخة الواجهة", await Title(api, "k-1"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/articles/k-3")).StatusCode);
        Assert.Equal("خبر رابع", await Title(api, "k-4"));
        Assert.Equal("خبر خامس", await Title(api, "k-5"));
    }

    [Fact]
    public async Task With_batches_answered_out_of_order_the_acknowledged_prefix_waits_for_the_earliest_batch()
    {
        await using var service = new ServiceFactory(Folder("index"));

        // o-1's batch is answered only once o-4's is sent, that is after o-2's and o-3's were answered.
        using var handler = new ScriptedHandler(service.Server.CreateHandler(), hold: "o-1", releasedBy: "o-4");
        var input = Write("feed.jsonl", Record("o-1", "أول"), Record("o-2", "ثان"), Record("o-3", "ثالث"), Record("o-4", "رابع"));
        using var client = new ServiceConnection(handler, []).Connect(new Uri(ServiceFactory.Url), ServiceFactory.ApiKey);
        var acknowledged = new List<(long Records, bool FirstAnswered)>();

        var summary = await new ArticlePusher(client, new PushOptions(BatchSize: 1, Concurrency: 2)).PushAsync(
            new ArticleSources().ReadFile(input), null, null, skip: 0, records => acknowledged.Add((records, handler.HasAnswered("o-1"))), CancellationToken.None);

        Assert.Equal(4, summary.Sent);
        Assert.Equal(["o-2", "o-3"], handler.Answered.Take(2));
        Assert.Equal([(3L, true), (4L, true)], acknowledged);
    }

    [Fact]
    public async Task A_batch_refused_as_a_whole_does_not_advance_the_acknowledged_prefix()
    {
        await using var service = new ServiceFactory(Folder("index"));
        using var handler = new ScriptedHandler(service.Server.CreateHandler(), refuse: "f-2");
        var input = Write("feed.jsonl", Record("f-1", "أول"), Record("f-2", "ثان"), Record("f-3", "ثالث"));
        using var client = new ServiceConnection(handler, []).Connect(new Uri(ServiceFactory.Url), ServiceFactory.ApiKey);
        var acknowledged = new List<long>();

        await Assert.ThrowsAsync<ServiceException>(() => new ArticlePusher(client, new PushOptions(BatchSize: 1, Concurrency: 1))
            .PushAsync(new ArticleSources().ReadFile(input), null, null, skip: 0, acknowledged.Add, CancellationToken.None));

        Assert.Equal([1L], acknowledged);
    }

    private static async Task<string?> Title(HttpClient api, string id)
    {
        using var article = JsonDocument.Parse(await api.GetStringAsync($"/api/articles/{id}"));
        return article.RootElement.GetProperty("title").GetString();
    }

    /// <summary>The service's transport, with one bulk request held until another is sent, or one refused with a 401.
    /// Batches of one article are told apart by their id.</summary>
    private sealed class ScriptedHandler(HttpMessageHandler service, string? hold = null, string? releasedBy = null, string? refuse = null)
        : DelegatingHandler(service)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();

        public List<string> Answered { get; } = [];

        public bool HasAnswered(string id)
        {
            lock (_lock)
            {
                return Answered.Contains(id);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("id").GetString()!;
            if (id == refuse)
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
            }

            if (id == releasedBy)
            {
                _release.TrySetResult();
            }
            else if (id == hold)
            {
                await _release.Task.WaitAsync(Patience, cancellationToken);
            }

            var response = await base.SendAsync(request, cancellationToken);
            Record(Answered, id);
            return response;
        }

        private void Record(List<string> list, string id)
        {
            lock (_lock)
            {
                list.Add(id);
            }
        }
    }
}
