using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Search.LoadTest.Http;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>overload-bench</c> against the real service started as a child process: checks that the over-cap shapes get
/// their 400, finds the heavy shape's sustainable rate with closed-loop clients, then floods it open loop at a multiple
/// of that rate while one-word queries and <c>/health</c> go on at fixed rates (from a calm stretch before the flood
/// to well after it), and reports what was shed and how, what the light traffic felt, and how soon it was back to calm
/// after the flood. The generator shares the cores with the service, as in <c>http-load</c>; it only talks to loopback.
/// </summary>
internal static class OverloadBenchCommand
{
    private static readonly TimeSpan ClosedLoopDuration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BeforeFlood = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AfterFlood = TimeSpan.FromSeconds(10);
    private const double RecoveryFactor = 2.0;
    private const double LightTargetMs = 500;
    private const double RecoveryTargetMs = 2_000;

    public static int Run(ParseResult parseResult)
    {
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(OverloadBenchCommandDefinition.IndexPath));
        var dll = parseResult.GetValue(OverloadBenchCommandDefinition.ApiDll)
            ?? (DataLocator.FindRepositoryRoot() is { } root ? Path.Combine(root, "src", "Search.Api", "bin", "Release", "net10.0", "Search.Api.dll") : null);
        if (dll is null || !File.Exists(dll))
        {
            Console.Error.WriteLine($"error: Search.Api.dll not found ({dll ?? "no repository root"}); run dotnet build -c Release src/Search.Api or pass --api-dll");
            return 1;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Search__IndexPath"] = indexPath,
            ["Search__SampleDataPath"] = "",
        };
        foreach (var setting in parseResult.GetValue(OverloadBenchCommandDefinition.Settings) ?? [])
        {
            if (setting.Split('=', 2) is not [var key, var value] || key.Length == 0)
            {
                Console.Error.WriteLine($"error: --set {setting}: use KEY=VALUE");
                return 1;
            }

            environment[key] = value;
        }

        var seed = parseResult.GetValue(OverloadBenchCommandDefinition.Seed);
        var sample = ArticleSample.FromIndex(indexPath, 2_000, seed);
        var shapes = HeavyShapeBuilder.Build(sample, 20, seed);
        var shapeName = parseResult.GetRequiredValue(OverloadBenchCommandDefinition.Shape);
        if (shapes.FirstOrDefault(shape => shape.Name == shapeName && !shape.OverCaps) is not { } heavy)
        {
            Console.Error.WriteLine($"error: --shape must be one of {string.Join(", ", shapes.Where(shape => !shape.OverCaps).Select(shape => shape.Name))}");
            return 1;
        }

        // The generator's own stalls must not be charged to the service: threads for its continuations from the start.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        var baseUri = new Uri($"http://127.0.0.1:{parseResult.GetValue(OverloadBenchCommandDefinition.Port)}");
        RunEnvironment.Print(Console.Out);
        Console.WriteLine($"# overload-bench: dotnet {dll} on {baseUri}, index {indexPath}");
        Console.WriteLine($"# service settings: {string.Join(", ", environment.Where(setting => setting.Key != "Search__IndexPath").Select(setting => $"{setting.Key}={setting.Value}"))} (everything else its defaults)");
        Console.WriteLine($"# heavy shape {heavy.Name}: {heavy.Description}, {heavy.Queries.Count} drawn variants; one-word queries: the sample's 100 most frequent words");

        using var api = ApiProcess.Start(dll, baseUri, environment, TimeSpan.FromSeconds(60));
        Console.WriteLine($"# service pid {api.Id}");
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        using var heavyClient = Client();
        using var lightClient = Client();
        using var healthClient = Client();
        using var metricsClient = Client();
        var heavySender = new RecordingSender(heavyClient, start);
        var lightSender = new RecordingSender(lightClient, start);
        var healthSender = new RecordingSender(healthClient, start);
        var heavyUris = heavy.Queries.Select(query => Search(baseUri, query)).ToList();
        var lightUris = HeavyShapeBuilder.OneWordQueries(sample).Select(query => Search(baseUri, query)).ToList();
        var healthUris = new[] { new Uri(baseUri, "/health") };

        // Warm-up: JIT tiering for both kinds of search, untimed.
        Task.WaitAll(
            new ClosedLoopRunner(heavySender, heavyUris).RunAsync(2, TimeSpan.FromSeconds(5)),
            new ClosedLoopRunner(lightSender, lightUris).RunAsync(1, TimeSpan.FromSeconds(5)));
        OverCaps(shapes, baseUri, heavySender);
        Thread.Sleep(TimeSpan.FromSeconds(1));

        var lightRate = parseResult.GetValue(OverloadBenchCommandDefinition.LightRate);
        var healthRate = parseResult.GetValue(OverloadBenchCommandDefinition.HealthRate);
        var sustainable = Sustainable(parseResult.GetRequiredValue(OverloadBenchCommandDefinition.Clients), heavySender, heavyUris);
        var floodRate = Math.Round(parseResult.GetValue(OverloadBenchCommandDefinition.Factor) * sustainable, 1);
        var floodDuration = parseResult.GetValue(OverloadBenchCommandDefinition.FloodDuration);
        Thread.Sleep(TimeSpan.FromSeconds(2));

        var from = lightSender.Now() + 200;
        var floodStart = from + BeforeFlood.TotalMilliseconds;
        var floodEnd = floodStart + floodDuration.TotalMilliseconds;
        var until = floodEnd + AfterFlood.TotalMilliseconds;
        using var stopGauges = new CancellationTokenSource();
        var gauges = new ServerGauges(metricsClient, baseUri).WatchAsync(TimeSpan.FromMilliseconds(250), stopGauges.Token);
        var light = new FixedRateStream("light", lightSender, lightUris).RunAsync(lightRate, from, until);
        var health = new FixedRateStream("health", healthSender, healthUris).RunAsync(healthRate, from, until);
        var flood = new FixedRateStream("heavy", heavySender, heavyUris).RunAsync(floodRate, floodStart, floodEnd);
        var heavyOutcomes = flood.GetAwaiter().GetResult();
        var lightOutcomes = light.GetAwaiter().GetResult();
        var healthOutcomes = health.GetAwaiter().GetResult();
        stopGauges.Cancel();
        var highest = gauges.GetAwaiter().GetResult();

        // The calm baseline is the stretch before the flood in the same run: the same connections, the same state.
        var calm = lightOutcomes.Where(outcome => outcome.Due < floodStart).ToList();
        var baseline = LatencyStats.Of(calm.Where(Ok).Select(outcome => outcome.Latency));
        Console.WriteLine();
        Console.WriteLine($"## Calm: the {BeforeFlood.TotalSeconds:F0} s before the flood");
        Console.WriteLine();
        Console.WriteLine("| stream | rate/s | answered 200 | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        CalmRow("one-word query", lightRate, calm);
        CalmRow("/health", healthRate, [.. healthOutcomes.Where(outcome => outcome.Due < floodStart)]);
        Report(heavyOutcomes, lightOutcomes, healthOutcomes, floodStart, floodEnd, floodRate, floodDuration, lightRate, healthRate, baseline, highest);
        Console.WriteLine();
        Console.WriteLine($"load average at the end: {RunEnvironment.LoadAverage()}");
        return 0;
    }

    /// <summary>Each over-cap shape's queries once, one after another: they must get a 400, and quickly.</summary>
    private static void OverCaps(IReadOnlyList<HeavyShape> shapes, Uri baseUri, RecordingSender sender)
    {
        Console.WriteLine();
        Console.WriteLine("## Over-cap shapes over HTTP (each drawn query once, one at a time, after the warm-up)");
        Console.WriteLine();
        Console.WriteLine("| shape | sent | 400 invalid_search_request | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var shape in shapes.Where(shape => shape.OverCaps))
        {
            var outcomes = shape.Queries.Select(query => sender.SendAsync(Search(baseUri, query), sender.Now()).GetAwaiter().GetResult()).ToList();
            var stats = LatencyStats.Of(outcomes.Select(outcome => outcome.Latency));
            var refused = outcomes.Count(outcome => outcome.Status == 400 && outcome.ProblemCode == "invalid_search_request");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {shape.Name} | {outcomes.Count} | {refused} | {stats.P50:F1} | {stats.P99:F1} | {stats.Max:F1} |"));
        }
    }

    /// <summary>Closed-loop heavy searches at each client count; the sustainable rate is the best rate of 200s among the
    /// counts that got nothing else.</summary>
    private static double Sustainable(int[] clientCounts, RecordingSender sender, IReadOnlyList<Uri> uris)
    {
        Console.WriteLine();
        Console.WriteLine($"## Heavy query alone, closed loop ({ClosedLoopDuration.TotalSeconds:F0} s per client count)");
        Console.WriteLine();
        Console.WriteLine("| clients | answered 200 /s | other answers | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var best = 0.0;
        var bestAny = 0.0;
        foreach (var clients in clientCounts)
        {
            var outcomes = new ClosedLoopRunner(sender, uris).RunAsync(clients, ClosedLoopDuration).GetAwaiter().GetResult();
            var wall = (outcomes.Max(outcome => outcome.Done) - outcomes.Min(outcome => outcome.Sent)) / 1000.0;
            var rate = outcomes.Count(Ok) / wall;
            var others = outcomes.Count(outcome => !Ok(outcome));
            var stats = LatencyStats.Of(outcomes.Where(Ok).Select(outcome => outcome.Latency));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {clients} | {rate:F1} | {others} | {stats.P50:F1} | {stats.P90:F1} | {stats.P99:F1} | {stats.Max:F1} |"));
            best = others == 0 ? Math.Max(best, rate) : best;
            bestAny = Math.Max(bestAny, rate);
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }

        var sustainable = best > 0 ? best : bestAny;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sustainable rate of the heavy query: {sustainable:F1}/s{(best > 0 ? "" : " (every client count got some refusals)")}"));
        return sustainable;
    }

    private static void Report(
        RequestOutcome[] heavy, RequestOutcome[] light, RequestOutcome[] health, double floodStart, double floodEnd, double floodRate, TimeSpan floodDuration,
        int lightRate, int healthRate, LatencyStats baseline, IReadOnlyDictionary<string, double> highest)
    {
        bool During(RequestOutcome outcome) => outcome.Due >= floodStart && outcome.Due < floodEnd;
        var admitted = heavy.Where(Ok).ToList();
        var shed = heavy.Where(outcome => outcome.Status == 503).ToList();
        var other = heavy.Length - admitted.Count - shed.Count;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## Flood: the heavy query at {floodRate:F1}/s for {floodDuration.TotalSeconds:F0} s (open loop), one-word queries at {lightRate}/s and /health at {healthRate}/s from {BeforeFlood.TotalSeconds:F0} s before to {AfterFlood.TotalSeconds:F0} s after"));
        Console.WriteLine();
        Console.WriteLine("| stream | requests | answers | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        Row("heavy, admitted (200)", admitted);
        Row("heavy, shed (503)", shed);
        Row("one-word query, during the flood", light.Where(During).ToList());
        Row("/health, during the flood", health.Where(During).ToList());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heavy: {admitted.Count} admitted ({(double)admitted.Count / heavy.Length:P1}, {admitted.Count / floodDuration.TotalSeconds:F1}/s), {shed.Count} shed with 503 ({(double)shed.Count / heavy.Length:P1}), {other} other"));
        Console.WriteLine($"503s with Retry-After: {shed.Count(outcome => outcome.RetryAfter)}/{shed.Count}; with a problem body of code overloaded: {shed.Count(outcome => outcome.ProblemCode == "overloaded")}/{shed.Count}");
        var failures = heavy.Concat(light).Concat(health).Where(outcome => outcome.Error is not null).GroupBy(outcome => outcome.Error).ToList();
        Console.WriteLine($"requests without an answer (socket errors, resets, timeouts): {(failures.Count == 0 ? "none" : string.Join(", ", failures.Select(kind => $"{kind.Key}: {kind.Count()}")))}");
        var lightDuring = LatencyStats.Of(light.Where(During).Select(outcome => Ok(outcome) ? outcome.Latency : double.PositiveInfinity));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one-word query p99 during the flood: {lightDuring.P99:F1} ms (target < {LightTargetMs:F0} ms: {(lightDuring.P99 < LightTargetMs ? "met" : "missed")}); non-200 answers: {light.Where(During).Count(outcome => !Ok(outcome))}"));
        var bound = RecoveryFactor * baseline.P50;
        var recovery = RecoveryTime.After(light, floodEnd, bound);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recovery after the flood stopped: {(recovery is { } ms ? $"{ms / 1000:F2} s" : "not within the observed 10 s")} until one-word queries were back within {RecoveryFactor}x their calm p50 ({baseline.P50:F1} ms → {bound:F1} ms; median of {RecoveryTime.Window} in a row) (target < {RecoveryTargetMs / 1000:F0} s: {(recovery < RecoveryTargetMs ? "met" : "missed")})"));
        Console.WriteLine("one-word queries after the flood, per second: p50 / max ms: " + string.Join("; ", Enumerable.Range(0, (int)AfterFlood.TotalSeconds).Select(second =>
        {
            var slice = light.Where(outcome => outcome.Due >= floodEnd + (second * 1000) && outcome.Due < floodEnd + ((second + 1) * 1000)).ToList();
            var stats = LatencyStats.Of(slice.Select(outcome => Ok(outcome) ? outcome.Latency : double.PositiveInfinity));
            return string.Create(CultureInfo.InvariantCulture, $"{stats.P50:F1} / {stats.Max:F0}");
        })));
        Console.WriteLine("server gauges, highest during the run: " + string.Join(", ", highest.Select(gauge => $"{gauge.Key} {gauge.Value}")));
    }

    private static void CalmRow(string name, int rate, IReadOnlyList<RequestOutcome> outcomes)
    {
        var stats = LatencyStats.Of(outcomes.Where(Ok).Select(outcome => outcome.Latency));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {rate} | {outcomes.Count(Ok)}/{outcomes.Count} | {stats.P50:F1} | {stats.P90:F1} | {stats.P99:F1} | {stats.Max:F1} |"));
    }

    /// <summary>Latency from the due time of every request in the set, whatever its answer, and the answers by status.</summary>
    private static void Row(string name, IReadOnlyList<RequestOutcome> outcomes)
    {
        var stats = LatencyStats.Of(outcomes.Select(outcome => outcome.Latency));
        var statuses = string.Join(", ", outcomes.GroupBy(outcome => outcome.Status == 0 ? outcome.Error ?? "no answer" : outcome.Status.ToString(CultureInfo.InvariantCulture)).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key}: {group.Count()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {outcomes.Count} | {statuses} | {stats.P50:F1} | {stats.P90:F1} | {stats.P99:F1} | {stats.Max:F1} |"));
    }

    private static bool Ok(RequestOutcome outcome) => outcome.Status == 200;

    private static Uri Search(Uri baseUri, string query) => new(baseUri, $"/api/search?q={Uri.EscapeDataString(query)}");

    private static HttpClient Client() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 4_096,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(10) };
}
