using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>query-bench</c>: draws the query mix from articles stored in the index, opens it with
/// <see cref="NewsIndex.Open"/>, and times <see cref="NewsIndex.Search"/> calls, the classes interleaved in one shuffled
/// order so none runs in a quieter or noisier stretch than the others.
/// </summary>
internal static class QueryBenchCommand
{
    public static int Run(ParseResult parseResult)
    {
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(QueryBenchCommandDefinition.IndexPath));
        var perClass = parseResult.GetValue(QueryBenchCommandDefinition.Queries);
        var warmup = parseResult.GetValue(QueryBenchCommandDefinition.Warmup);
        var seed = parseResult.GetValue(QueryBenchCommandDefinition.Seed);
        var pageSize = parseResult.GetValue(QueryBenchCommandDefinition.PageSize);
        var shape = new SearchRequest("", 1, pageSize)
        {
            IncludeFacets = parseResult.GetValue(QueryBenchCommandDefinition.Facets),
            CollapseDuplicates = parseResult.GetValue(QueryBenchCommandDefinition.Collapse),
        };
        var residentMb = parseResult.GetValue(QueryBenchCommandDefinition.ResidentMb);
        if (!NewsIndex.ExistsAt(indexPath))
        {
            Console.Error.WriteLine($"error: no index at {indexPath}; build one with index-bench first");
            return 1;
        }

        if (parseResult.GetValue(QueryBenchCommandDefinition.QueriesFile) is { } queriesFile)
        {
            return QueryFileBench.Run(indexPath, queriesFile, parseResult.GetValue(QueryBenchCommandDefinition.Passes), pageSize, residentMb);
        }

        RunEnvironment.Print(Console.Out);
        var sample = ArticleSample.FromIndex(indexPath, parseResult.GetValue(QueryBenchCommandDefinition.SampleSize), seed);
        var questions = DataLocator.QuestionsFile();
        var mix = QueryMixBuilder.Build(sample, questions, perClass, seed);
        var order = Shuffle(mix.SelectMany(entry => entry.Value.Select(text => new BenchQuery(entry.Key, text))), new Random(seed));
        Console.WriteLine($"# query-bench: {indexPath}; {order.Count:N0} queries ({perClass} per class) drawn with seed {seed} from {sample.Count:N0} stored articles; questions from {questions ?? "the articles"}; top {pageSize}, facets {shape.IncludeFacets}, collapse {shape.CollapseDuplicates}, {residentMb} MB resident");
        Console.WriteLine();

        using var index = NewsIndex.Open(new NewsIndexOptions(indexPath) { ResidentMemoryMb = residentMb });
        Console.WriteLine($"articles in the index: {index.Count:N0}");
        using var sampler = new MemorySampler(TimeSpan.FromMilliseconds(250));
        foreach (var highlight in new[] { false, true })
        {
            var mode = highlight ? "search + highlighting" : "search only";
            foreach (var query in order.Take(warmup))
            {
                index.Search(shape with { Query = query.Text, Highlight = highlight });
            }

            foreach (var threads in new[] { 1, 2 })
            {
                var gen0 = GC.CollectionCount(0);
                var gen2 = GC.CollectionCount(2);
                var cpuAtStart = RunEnvironment.ProcessorTime();
                var run = Measure(index, order, shape with { Highlight = highlight }, threads);
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"## {mode}, {threads} thread(s): {order.Count / run.Elapsed.TotalSeconds:N0} queries/s overall, GC gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}"));
                PrintTable(run);
                RunEnvironment.PrintCpu(Console.Out, cpuAtStart, run.Elapsed);
            }
        }

        Console.WriteLine();
        MemoryReport.Print(Console.Out, sampler);
        return 0;
    }

    private static RunResult Measure(NewsIndex index, IReadOnlyList<BenchQuery> order, SearchRequest shape, int threads)
    {
        var results = new Sample[order.Count];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = worker; i < order.Count; i += threads)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var began = Stopwatch.GetTimestamp();
                var found = index.Search(shape with { Query = order[i].Text });
                var ms = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                results[i] = new Sample(ms, found.Total, GC.GetAllocatedBytesForCurrentThread() - allocated);
            }
        })
        { Name = $"query-bench-{worker}" }).ToList();
        workers.ForEach(worker => worker.Start());
        var clock = Stopwatch.StartNew();
        start.SignalAndWait();
        workers.ForEach(worker => worker.Join());
        return new RunResult(order, results, clock.Elapsed);
    }

    private static void PrintTable(RunResult run)
    {
        Console.WriteLine("| class | queries | mean hits | p50 ms | p90 ms | p99 ms | max ms | KB allocated/query |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var rows = Enum.GetValues<QueryClass>()
            .Select(queryClass => (Name: queryClass.ToString(), Indexes: Enumerable.Range(0, run.Order.Count).Where(i => run.Order[i].Class == queryClass).ToList()))
            .Append(("all", Enumerable.Range(0, run.Order.Count).ToList()));
        foreach (var (name, indexes) in rows)
        {
            var stats = LatencyStats.Of(indexes.Select(i => run.Samples[i].Milliseconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {stats.Count:N0} | {indexes.Average(i => (double)run.Samples[i].TotalHits):N0} | {stats.P50:F2} | {stats.P90:F2} | {stats.P99:F2} | {stats.Max:F1} | {indexes.Average(i => run.Samples[i].AllocatedBytes) / 1024:N0} |"));
        }
    }

    private static List<BenchQuery> Shuffle(IEnumerable<BenchQuery> queries, Random random)
    {
        var list = queries.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private readonly record struct Sample(double Milliseconds, int TotalHits, long AllocatedBytes);

    private sealed record RunResult(IReadOnlyList<BenchQuery> Order, Sample[] Samples, TimeSpan Elapsed);
}
