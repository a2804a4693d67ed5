using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Search.LoadTest.Http;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>http-load</c>. The generator shares the machine with the server, so on few cores its own CPU use is part of
/// what is measured; it only ever talks to a loopback address and stops after the rates it was given.
/// </summary>
internal static class HttpLoadCommand
{
    private const int QueriesPerClass = 300;
    private const double MaxErrorRate = 0.01;
    private static readonly TimeSpan IdleLatency = TimeSpan.FromMilliseconds(200);

    public static int Run(ParseResult parseResult)
    {
        var baseUri = new Uri(parseResult.GetRequiredValue(HttpLoadCommandDefinition.Url));
        if (!IsLoopback(baseUri))
        {
            Console.Error.WriteLine($"error: http-load only targets a loopback address such as 127.0.0.1, not {baseUri.Host}");
            return 1;
        }

        var rates = parseResult.GetRequiredValue(HttpLoadCommandDefinition.Rates);
        var duration = parseResult.GetValue(HttpLoadCommandDefinition.Duration);
        var warmup = parseResult.GetValue(HttpLoadCommandDefinition.Warmup);
        var highlight = parseResult.GetValue(HttpLoadCommandDefinition.Highlight);
        var sloMs = parseResult.GetValue(HttpLoadCommandDefinition.SloMs);
        var seed = parseResult.GetValue(HttpLoadCommandDefinition.Seed);
        var indexPath = parseResult.GetValue(HttpLoadCommandDefinition.IndexPath);
        var fixedPath = parseResult.GetValue(HttpLoadCommandDefinition.Path);

        // One fixed path needs no articles to draw queries from.
        var requests = fixedPath is not null ? [new Uri(baseUri, fixedPath)] : SearchMix(baseUri, indexPath, seed, highlight);
        if (requests is null)
        {
            Console.Error.WriteLine("error: no articles to draw queries from; pass --index or provide ../shared/data");
            return 1;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4_096,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = parseResult.GetValue(HttpLoadCommandDefinition.Compressed) ? DecompressionMethods.GZip | DecompressionMethods.Brotli : DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { Timeout = parseResult.GetValue(HttpLoadCommandDefinition.Timeout) };

        RunEnvironment.Print(Console.Out);
        var target = fixedPath ?? $"/api/search, highlight={highlight}, {requests.Count:N0} distinct queries (7 classes, seed {seed})";
        Console.WriteLine($"# http-load: {baseUri} GET {target}, each rate held {duration.TotalSeconds:F0} s after a {warmup.TotalSeconds:F0} s warm-up");
        if (!IsUp(client, baseUri))
        {
            Console.Error.WriteLine($"error: {baseUri}health does not answer; start the API first");
            return 1;
        }

        var runner = new OpenLoopRunner(client, requests);
        var sent = 0;
        if (warmup > TimeSpan.Zero)
        {
            var warm = runner.Run(rates[0], warmup, sent);
            sent += warm.Scheduled;
        }

        Console.WriteLine();
        Console.WriteLine("| target req/s | sent | achieved req/s | errors | p50 ms | p90 ms | p99 ms | max ms | p99 from actual send ms | max send lag ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new List<RateResult>();
        foreach (var rate in rates)
        {
            var result = runner.Run(rate, duration, sent);
            sent += result.Scheduled;
            results.Add(result);
            var kinds = result.Failed == 0 ? "" : " (" + string.Join(", ", result.FailureKinds.Select(kind => $"{kind.Key}: {kind.Value}")) + ")";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {result.Scheduled:N0} | {result.AchievedRate:F1} | {result.ErrorRate:P2}{kinds} | {result.Latency.P50:F1} | {result.Latency.P90:F1} | {result.Latency.P99:F1} | {result.Latency.Max:F0} | {result.ServiceTime.P99:F1} | {result.MaxSendLagMs:F1} |"));

            // Let the server work off its backlog so one rate's queue does not spill into the next.
            WaitUntilIdle(client, requests[0]);
        }

        var sustained = results.Where(result => result.Latency.P99 < sloMs && result.ErrorRate < MaxErrorRate).Select(result => result.TargetRate).DefaultIfEmpty().Max();
        Console.WriteLine();
        Console.WriteLine(sustained > 0
            ? $"highest rate with p99 < {sloMs} ms and < {MaxErrorRate:P0} errors: {sustained} req/s"
            : $"no rate kept p99 under {sloMs} ms with < {MaxErrorRate:P0} errors");
        Console.WriteLine($"load average at the end: {RunEnvironment.LoadAverage()}");
        return 0;
    }

    /// <summary>Probes with one search a second until it answers within <see cref="IdleLatency"/>, for at most a minute.</summary>
    private static void WaitUntilIdle(HttpClient client, Uri probe)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = client.GetAsync(probe).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode && Stopwatch.GetElapsedTime(sent) < IdleLatency)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still swamped; probe again.
            }
        }

        Console.WriteLine("(the server was still busy a minute after the last rate)");
    }

    /// <summary>The search query mix as requests, shuffled; null when there are no articles to draw it from.</summary>
    private static List<Uri>? SearchMix(Uri baseUri, string? indexPath, int seed, bool highlight)
    {
        var sample = indexPath is not null
            ? ArticleSample.FromIndex(Path.GetFullPath(indexPath), 2_000, seed)
            : ArticleSample.FromFiles(DataLocator.NewsFolders(), 2_000);
        if (sample.Count == 0)
        {
            return null;
        }

        var mix = QueryMixBuilder.Build(sample, DataLocator.QuestionsFile(), QueriesPerClass, seed);
        var random = new Random(seed);
        return [.. mix.SelectMany(entry => entry.Value)
            .OrderBy(_ => random.Next())
            .Select(query => new Uri(baseUri, $"/api/search?q={Uri.EscapeDataString(query)}&pageSize=10&highlight={(highlight ? "true" : "false")}"))];
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    private static bool IsUp(HttpClient client, Uri baseUri)
    {
        try
        {
            using var response = client.GetAsync(new Uri(baseUri, "/health")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
