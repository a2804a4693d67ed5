using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>heavy-bench</c>: draws the <see cref="HeavyShapeBuilder"/> shapes from the index's stored articles and times
/// <see cref="NewsIndex.Search"/> on one thread, the shapes interleaved in one shuffled order. A search the engine
/// refuses (<see cref="InvalidSearchRequestException"/>) is timed too: that is how fast a cap answers. The command
/// uses only what the engine had before the caps, so the same file builds against an older checkout for a before/after.
/// </summary>
internal static class HeavyBenchCommand
{
    public static int Run(ParseResult parseResult)
    {
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(HeavyBenchCommandDefinition.IndexPath));
        var runs = parseResult.GetValue(HeavyBenchCommandDefinition.Runs);
        var warmup = parseResult.GetValue(HeavyBenchCommandDefinition.Warmup);
        var seed = parseResult.GetValue(HeavyBenchCommandDefinition.Seed);
        var shape = new SearchRequest("", 1, 10, parseResult.GetValue(HeavyBenchCommandDefinition.Highlight));
        if (!NewsIndex.ExistsAt(indexPath))
        {
            Console.Error.WriteLine($"error: no index at {indexPath}; build one with the indexer CLI first");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        var wordsFrom = Path.GetFullPath(parseResult.GetValue(HeavyBenchCommandDefinition.WordsFrom) ?? indexPath);
        var sample = ArticleSample.FromIndex(wordsFrom, parseResult.GetValue(HeavyBenchCommandDefinition.SampleSize), seed);
        var shapes = HeavyShapeBuilder.Build(sample, parseResult.GetValue(HeavyBenchCommandDefinition.Variants), seed);
        Console.WriteLine($"# heavy-bench: {indexPath}; {shapes.Count} shapes × {runs} timed searches ({warmup} untimed first), words drawn with seed {seed} from {sample.Count:N0} stored articles of {wordsFrom}; top 10, highlight {shape.Highlight}, facets and collapsing on; 1 thread");
        if (parseResult.GetValue(HeavyBenchCommandDefinition.Print))
        {
            shapes.ToList().ForEach(heavy => Console.WriteLine($"{heavy.Name}: {heavy.Queries[0]}"));
        }

        using var index = NewsIndex.Open(new NewsIndexOptions(indexPath));
        Console.WriteLine($"articles in the index: {index.Count:N0}");
        var random = new Random(seed);
        var warm = shapes.SelectMany(heavy => Enumerable.Range(0, warmup).Select(i => heavy.Queries[i % heavy.Queries.Count])).ToArray();
        random.Shuffle(warm);
        foreach (var query in warm)
        {
            Time(index, shape with { Query = query });
        }

        var order = shapes.SelectMany((heavy, s) => Enumerable.Range(0, runs).Select(i => (Shape: s, Query: heavy.Queries[i % heavy.Queries.Count]))).ToArray();
        random.Shuffle(order);
        var samples = shapes.Select(_ => new List<Outcome>(runs)).ToArray();
        var cpuAtStart = RunEnvironment.ProcessorTime();
        var clock = Stopwatch.StartNew();
        foreach (var (s, query) in order)
        {
            samples[s].Add(Time(index, shape with { Query = query }));
        }

        Console.WriteLine();
        Console.WriteLine("| shape | what | characters | refused | p50 ms | p90 ms | p99 ms | max ms | mean hits | refusal |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var s = 0; s < shapes.Count; s++)
        {
            var heavy = shapes[s];
            var stats = LatencyStats.Of(samples[s].Select(outcome => outcome.Milliseconds));
            var refused = samples[s].Count(outcome => outcome.Refusal is not null);
            var answered = samples[s].Where(outcome => outcome.Refusal is null).ToList();
            var lengths = $"{heavy.Queries.Min(query => query.Length):N0}–{heavy.Queries.Max(query => query.Length):N0}";
            var hits = answered.Count == 0 ? "—" : answered.Average(outcome => outcome.TotalHits).ToString("N0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {heavy.Name} | {heavy.Description} | {lengths} | {refused}/{samples[s].Count} | {stats.P50:F3} | {stats.P90:F3} | {stats.P99:F3} | {stats.Max:F2} | {hits} | {samples[s].FirstOrDefault(outcome => outcome.Refusal is not null).Refusal ?? ""} |"));
        }

        Console.WriteLine();
        RunEnvironment.PrintCpu(Console.Out, cpuAtStart, clock.Elapsed);
        return 0;
    }

    private static Outcome Time(NewsIndex index, SearchRequest request)
    {
        var began = Stopwatch.GetTimestamp();
        try
        {
            var found = index.Search(request);
            return new Outcome(Stopwatch.GetElapsedTime(began).TotalMilliseconds, found.Total, null);
        }
        catch (InvalidSearchRequestException ex)
        {
            var ms = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            return new Outcome(ms, 0, string.Join(" ", ex.Errors.SelectMany(error => error.Value)));
        }
    }

    private readonly record struct Outcome(double Milliseconds, int TotalHits, string? Refusal);
}
