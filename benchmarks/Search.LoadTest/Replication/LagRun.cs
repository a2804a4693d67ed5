using System.Diagnostics;
using System.Text.Json;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Replication;

/// <summary>
/// Writes single articles to one node at a fixed rate (open loop: each PUT leaves on schedule, answered or not) while
/// another node's applied position is read every few milliseconds; a write's lag is the time from its acknowledgement
/// on the first node to the first reading of the second that shows it applied (0 when the second had it before the
/// first answered, which NOTIFY at COMMIT allows).
/// </summary>
internal static class LagRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public sealed record Result(int Rate, int Sent, int Acknowledged, int Failed, double AchievedRate, LatencyStats Acknowledgement, LatencyStats Lag, int NeverSeen);

    public static async Task<Result> RunAsync(NodeProcess writeTo, NodeProcess follower, WriteCorpus corpus, int rate, TimeSpan duration, int offset)
    {
        var clock = Stopwatch.StartNew();
        var applied = new List<(double At, long Sequence)>();
        using var stopWatching = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!stopWatching.IsCancellationRequested)
            {
                var position = await AppliedAsync(follower);
                lock (applied)
                {
                    applied.Add((clock.Elapsed.TotalMilliseconds, position));
                }

                await Task.Delay(PollInterval);
            }
        });

        var count = (int)(rate * duration.TotalSeconds);
        var writes = new Task<(double Sent, double Acknowledged, long Sequence)?>[count];
        for (var i = 0; i < count; i++)
        {
            var due = i * 1_000.0 / rate;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var (id, json) = corpus.Articles[(offset + i) % corpus.Articles.Count];
            writes[i] = PutAsync(writeTo.Client, id, json, clock);
        }

        var results = await Task.WhenAll(writes);
        var elapsed = clock.Elapsed.TotalSeconds;
        var acknowledged = results.Where(result => result is not null).Select(result => result!.Value).ToList();
        var last = acknowledged.Count == 0 ? 0 : acknowledged.Max(write => write.Sequence);
        var deadline = Stopwatch.StartNew();
        while (await AppliedAsync(follower) < last && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(PollInterval);
        }

        await Task.Delay(50);
        await stopWatching.CancelAsync();
        await watching;

        var readings = applied.ToArray();
        var lags = new List<double>();
        var neverSeen = 0;
        foreach (var (_, at, sequence) in acknowledged)
        {
            var seen = FirstAtOrAfter(readings, sequence);
            if (seen is null)
            {
                neverSeen++;
                continue;
            }

            lags.Add(Math.Max(0, seen.Value - at));
        }

        return new Result(rate, count, acknowledged.Count, count - acknowledged.Count, count / elapsed,
            LatencyStats.Of(acknowledged.Select(write => write.Acknowledged - write.Sent)), LatencyStats.Of(lags), neverSeen);
    }

    private static double? FirstAtOrAfter((double At, long Sequence)[] readings, long sequence)
    {
        // Readings are in time order and positions only grow: binary search on the position.
        int low = 0, high = readings.Length - 1;
        double? found = null;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (readings[middle].Sequence >= sequence)
            {
                found = readings[middle].At;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return found;
    }

    private static async Task<(double, double, long)?> PutAsync(HttpClient client, string id, byte[] json, Stopwatch clock)
    {
        var sent = clock.Elapsed.TotalMilliseconds;
        try
        {
            using var content = new ByteArrayContent(json);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PutAsync(new Uri($"/api/articles/{Uri.EscapeDataString(id)}", UriKind.Relative), content);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var done = clock.Elapsed.TotalMilliseconds;
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (sent, done, body.RootElement.GetProperty("sequence").GetInt64());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Changes the database holds that the node has not applied (its stats' <c>replication.lagChanges</c>).</summary>
    public static async Task<long> PendingAsync(NodeProcess node)
    {
        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/api/index/stats", UriKind.Relative)));
        return json.RootElement.GetProperty("replication").GetProperty("lagChanges").GetInt64();
    }

    private static async Task<long> AppliedAsync(NodeProcess node)
    {
        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/api/index/stats", UriKind.Relative)));
        return json.RootElement.GetProperty("writes").GetProperty("appliedSequence").GetInt64();
    }
}
