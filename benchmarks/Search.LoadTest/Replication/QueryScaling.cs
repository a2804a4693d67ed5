using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Replication;

/// <summary>
/// Search throughput of one node, then of two behind a client-side round robin (what a load balancer does), with the
/// same closed-loop clients and queries: two-word queries cut from the corpus's titles.
/// </summary>
internal static partial class QueryScaling
{
    public sealed record Result(int Nodes, int Requests, int Failed, double PerSecond, LatencyStats Latency);

    public static IReadOnlyList<string> Queries(WriteCorpus corpus, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            using var json = JsonDocument.Parse(corpus.Articles[random.Next(corpus.Articles.Count)].Json);
            var words = Words().Matches(json.RootElement.GetProperty("title").GetString() ?? "").Select(match => match.Value).ToArray();
            if (words.Length >= 2)
            {
                var first = random.Next(words.Length - 1);
                queries.Add($"{words[first]} {words[first + 1]}");
            }
        }

        return queries;
    }

    public static async Task<Result> RunAsync(IReadOnlyList<NodeProcess> nodes, IReadOnlyList<string> queries, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var end = duration.TotalMilliseconds;
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var failed = 0;
            for (var i = client; clock.Elapsed.TotalMilliseconds < end; i += clients)
            {
                var node = nodes[i % nodes.Count];
                var sent = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var response = await node.Client.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(queries[i % queries.Count])}", UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add(clock.Elapsed.TotalMilliseconds - sent);
                    }
                    else
                    {
                        failed++;
                    }
                }
                catch (HttpRequestException)
                {
                    failed++;
                }
            }

            return (latencies, failed);
        }));
        var outcomes = await Task.WhenAll(loops);
        var all = outcomes.SelectMany(outcome => outcome.latencies).ToList();
        return new Result(nodes.Count, all.Count, outcomes.Sum(outcome => outcome.failed), all.Count / clock.Elapsed.TotalSeconds, LatencyStats.Of(all));
    }

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Words();
}
