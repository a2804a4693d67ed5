using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Search.LoadTest.Http;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;
using Search.LoadTest.Writes;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>write-bench</c>: (a) the corpus through <c>_bulk</c> with durable acknowledgements, against the offline
/// indexer on the same corpus in the same run; (b) single PUT latency at a fixed rate; (c) search latency at a fixed
/// rate alone, then with PUTs at that rate running too. The load generator shares the machine with the service.
/// </summary>
internal static class WriteBenchCommand
{
    private const int QueriesPerClass = 300;

    public static int Run(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(WriteBenchCommandDefinition.Input) is { Length: > 0 } given ? given : [.. DataLocator.NewsFolders()];
        if (inputs.Length == 0 || inputs.Any(path => !File.Exists(path) && !Directory.Exists(path)))
        {
            Console.Error.WriteLine($"error: give --input files or folders that exist, or provide ../shared/data (got: {string.Join(", ", inputs)})");
            return 1;
        }

        var phases = parseResult.GetValue(WriteBenchCommandDefinition.Phases)!;
        var url = parseResult.GetValue(WriteBenchCommandDefinition.Url);
        var apiKey = parseResult.GetValue(WriteBenchCommandDefinition.ApiKey);
        if (url is not null && (apiKey is null || !new Uri(url).IsLoopback))
        {
            Console.Error.WriteLine("error: --url must be a loopback address and needs --api-key");
            return 1;
        }

        var apiDll = parseResult.GetValue(WriteBenchCommandDefinition.ApiDll) ?? ReleaseBuild("Search.Api", "Search.Api.dll");
        var indexerDll = parseResult.GetValue(WriteBenchCommandDefinition.IndexerDll) ?? ReleaseBuild("Search.Indexer", "search-indexer.dll");
        if ((url is null && !File.Exists(apiDll)) || (phases.Contains("indexer") && !File.Exists(indexerDll)))
        {
            Console.Error.WriteLine($"error: build the programs first (dotnet build -c Release Search.sln) or pass --api-dll / --indexer-dll: {apiDll}, {indexerDll}");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        var corpus = WriteCorpus.Read(inputs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# write-bench: {corpus.Articles.Count:N0} articles from {string.Join(" ", inputs)} ({corpus.TextBytes / 1e6:N1} MB of text, {corpus.JsonBytes / 1e6:N1} MB as JSON); phases {string.Join(",", phases)}"));

        var port = parseResult.GetValue(WriteBenchCommandDefinition.Port);
        ServiceUnderTest StartService() => url is null ? ServiceUnderTest.Start(apiDll!, port) : ServiceUnderTest.Attach(new Uri(url), apiKey!);
        using var service = phases.Contains("bulk") || phases.Contains("indexer")
            ? ThroughputComparison.Run(
                corpus,
                inputs,
                phases,
                indexerDll!,
                StartService,
                parseResult.GetValue(WriteBenchCommandDefinition.BatchSize),
                parseResult.GetValue(WriteBenchCommandDefinition.InFlight),
                parseResult.GetValue(WriteBenchCommandDefinition.Repeat))
            : StartService();
        Console.WriteLine();
        Console.WriteLine($"# service: {service.BaseAddress}{(url is null ? $" started here on {service.IndexFolder} (Production settings)" : "")}");
        PrintStats(service.Client, "before the latency measurements");

        var warmup = parseResult.GetValue(WriteBenchCommandDefinition.Warmup);
        var putRate = parseResult.GetValue(WriteBenchCommandDefinition.PutRate);
        var puts = new OpenLoopRunner(service.Client, number => Put(corpus, number));
        var putsSent = 0;
        if (phases.Contains("put"))
        {
            var duration = parseResult.GetValue(WriteBenchCommandDefinition.PutDuration);
            putsSent += puts.Run(putRate, warmup, putsSent).Scheduled;
            var result = puts.Run(putRate, duration, putsSent);
            putsSent += result.Scheduled;
            Console.WriteLine();
            Console.WriteLine($"## (b) single PUT /api/articles/{{id}} (replacing corpus articles), {putRate}/s open loop for {duration.TotalSeconds:F0} s after a {warmup.TotalSeconds:F0} s warm-up");
            Console.WriteLine();
            PrintRateTable([("PUT", result)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99 {result.Latency.P99:F1} ms (target < 50 ms)"));
        }

        if (phases.Contains("search"))
        {
            var searchRate = parseResult.GetValue(WriteBenchCommandDefinition.SearchRate);
            var duration = parseResult.GetValue(WriteBenchCommandDefinition.SearchDuration);
            var seed = parseResult.GetValue(WriteBenchCommandDefinition.Seed);
            var random = new Random(seed);
            var queries = QueryMixBuilder.Build(ArticleSample.FromFiles(inputs, 2_000), DataLocator.QuestionsFile(), QueriesPerClass, seed)
                .SelectMany(entry => entry.Value)
                .OrderBy(_ => random.Next())
                .Select(query => new Uri($"/api/search?q={Uri.EscapeDataString(query)}&pageSize=10&highlight=true", UriKind.Relative))
                .ToList();
            var searches = new OpenLoopRunner(service.Client, queries);
            var searchesSent = searches.Run(searchRate, warmup, 0).Scheduled;
            var rounds = parseResult.GetValue(WriteBenchCommandDefinition.SearchRounds);
            var writeRates = parseResult.GetValue(WriteBenchCommandDefinition.SearchPutRates)!;
            Console.WriteLine();
            Console.WriteLine($"## (c) searches at {searchRate}/s (7-class query mix, highlighting on), {duration.TotalSeconds:F0} s alone and {duration.TotalSeconds:F0} s with PUTs at {string.Join(" or ", writeRates)}/s, in turn, {rounds} round(s)");
            Console.WriteLine();
            var rows = new List<(string Name, RateResult Result)>();
            var p99s = new Dictionary<int, List<double>>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var writeRate in (int[])[0, .. writeRates])
                {
                    var writing = writeRate == 0 ? null : Task.Run(() => puts.Run(writeRate, duration, putsSent));
                    var result = searches.Run(searchRate, duration, searchesSent);
                    searchesSent += result.Scheduled;
                    rows.Add((writeRate == 0 ? $"round {round}: searches alone" : $"round {round}: searches with {writeRate} PUT/s", result));
                    if (writing?.GetAwaiter().GetResult() is { } writes)
                    {
                        putsSent += writes.Scheduled;
                        rows.Add(($"round {round}: the {writeRate} PUT/s meanwhile", writes));
                    }

                    if (!p99s.TryGetValue(writeRate, out var list))
                    {
                        p99s[writeRate] = list = [];
                    }

                    list.Add(result.Latency.P99);
                }
            }

            PrintRateTable(rows);
            foreach (var writeRate in writeRates)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"search p99 with {writeRate} PUT/s / alone, mean of the rounds: {p99s[writeRate].Average():F1} / {p99s[0].Average():F1} ms = {p99s[writeRate].Average() / p99s[0].Average():F2}x (target ≤ 1.5x)"));
            }

            PrintStats(service.Client, "at the end");
        }

        Console.WriteLine($"load average at the end: {RunEnvironment.LoadAverage()}");
        return 0;
    }

    private static HttpRequestMessage Put(WriteCorpus corpus, int number)
    {
        var (id, json) = corpus.Articles[number % corpus.Articles.Count];
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/articles/{Uri.EscapeDataString(id)}", UriKind.Relative)) { Content = content };
    }

    private static void PrintRateTable(IEnumerable<(string Name, RateResult Result)> rows)
    {
        Console.WriteLine("| what | target/s | sent | achieved/s | errors | p50 ms | p90 ms | p99 ms | max ms | p99 from actual send ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, result) in rows)
        {
            var kinds = result.Failed == 0 ? "" : " (" + string.Join(", ", result.FailureKinds.Select(kind => $"{kind.Key}: {kind.Value}")) + ")";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.TargetRate} | {result.Scheduled:N0} | {result.AchievedRate:F1} | {result.ErrorRate:P2}{kinds} | {result.Latency.P50:F1} | {result.Latency.P90:F1} | {result.Latency.P99:F1} | {result.Latency.Max:F0} | {result.ServiceTime.P99:F1} |"));
        }
    }

    /// <summary>The service's own view (<c>GET /api/index/stats</c>): articles, segments, what the log holds.</summary>
    internal static void PrintStats(HttpClient client, string when)
    {
        try
        {
            using var stats = JsonDocument.Parse(client.GetStringAsync(new Uri("/api/index/stats", UriKind.Relative)).GetAwaiter().GetResult());
            var index = stats.RootElement.GetProperty("index");
            var writes = stats.RootElement.GetProperty("writes");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"service {when}: {index.GetProperty("articles").GetInt32():N0} articles, {index.GetProperty("deletedDocuments").GetInt32():N0} deleted documents, {index.GetProperty("segments").GetInt32()} segments, {index.GetProperty("bytesOnDisk").GetInt64() / 1e6:N0} MB; {writes.GetProperty("pendingChanges").GetInt64():N0} changes pending"));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException)
        {
            Console.WriteLine($"service {when}: no stats ({ex.Message})");
        }
    }

    private static string? ReleaseBuild(string project, string dll) =>
        DataLocator.FindRepositoryRoot() is { } root ? Path.Combine(root, "src", project, "bin", "Release", "net10.0", dll) : null;
}
