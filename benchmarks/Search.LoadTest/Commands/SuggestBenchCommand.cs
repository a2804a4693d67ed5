using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Suggesting;
using Search.LoadTest.Measurement;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>suggest-bench</c>: opens the index read-only without background warming, times the build of its
/// suggestions and weighs them, then times <see cref="NewsIndex.Suggest"/> over prefixes drawn from stored titles
/// (a word's first 2–8 letters, alone or after the title's previous word typed whole), and finally times searches and
/// suggestions on that index while a second copy of it builds its suggestions from scratch, as after a full merge.
/// </summary>
internal static class SuggestBenchCommand
{
    private const int MinLetters = 2;
    private const int MaxLetters = 8;
    private const double MiB = 1024.0 * 1024.0;

    public static int Run(ParseResult parseResult)
    {
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(SuggestBenchCommandDefinition.IndexPath));
        var count = parseResult.GetValue(SuggestBenchCommandDefinition.Prefixes);
        var warmup = parseResult.GetValue(SuggestBenchCommandDefinition.Warmup);
        var seed = parseResult.GetValue(SuggestBenchCommandDefinition.Seed);
        var size = parseResult.GetValue(SuggestBenchCommandDefinition.Size);
        if (!NewsIndex.ExistsAt(indexPath))
        {
            Console.Error.WriteLine($"error: no index at {indexPath}; build one with the indexer first");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        var sample = ArticleSample.FromIndex(indexPath, parseResult.GetValue(SuggestBenchCommandDefinition.SampleSize), seed);
        var typed = DrawPrefixes(sample.Select(article => article.Title).ToList(), count, new Random(seed));
        Console.WriteLine($"# suggest-bench: {indexPath}; {typed.Count:N0} prefixes of {MinLetters}–{MaxLetters} letters drawn with seed {seed} from the titles of {sample.Count:N0} stored articles; size {size}");
        Console.WriteLine();

        // Bulk-load options: no background refresh, so nothing warms the suggestions before they are timed.
        var options = new NewsIndexOptions(indexPath) { MaxRefreshDelay = null };
        using var index = NewsIndex.OpenReadOnly(options);
        Console.WriteLine($"articles in the index: {index.Count:N0}");
        ReportBuild(index, "first build (JIT still compiling the build's code)");
        using (var copy = NewsIndex.OpenReadOnly(options))
        {
            ReportBuild(copy, "second build, on another copy of the index");
        }

        foreach (var prefix in typed.Take(warmup))
        {
            index.Suggest(new SuggestRequest(prefix.Text, size));
        }

        foreach (var threads in new[] { 1, 2 })
        {
            var gen0 = GC.CollectionCount(0);
            var cpuAtStart = RunEnvironment.ProcessorTime();
            var run = Measure(index, typed, size, threads);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"## suggest, {threads} thread(s): {typed.Count / run.Elapsed.TotalSeconds:N0} requests/s overall, GC gen0 {GC.CollectionCount(0) - gen0}"));
            PrintTable(typed, run);
            RunEnvironment.PrintCpu(Console.Out, cpuAtStart, run.Elapsed);
        }

        Console.WriteLine();
        MeasureDuringBuild(index, options, sample.Select(article => article.Title).ToList(), typed, size);
        Console.WriteLine();
        MemoryReport.Print(Console.Out);
        return 0;
    }

    private static void ReportBuild(NewsIndex index, string what)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuAtStart = RunEnvironment.ProcessorTime();
        var clock = Stopwatch.StartNew();
        var statistics = index.PrepareSuggestions();
        clock.Stop();
        var cpu = RunEnvironment.ProcessorTime() - cpuAtStart;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"## {what}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"suggestions built:     {clock.Elapsed.TotalMilliseconds:N0} ms wall, {cpu.TotalMilliseconds:N0} ms process CPU ({statistics.Segments} segment(s), {statistics.Documents:N0} articles; load average now {RunEnvironment.LoadAverage()})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held:                  {statistics.Words:N0} words, {statistics.Phrases:N0} phrases, {statistics.Titles:N0} titles; arrays {statistics.MemoryBytes / MiB:N1} MiB, managed heap grew {(heapAfter - heapBefore) / MiB:N1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per article:           {(double)statistics.MemoryBytes / Math.Max(1, statistics.Documents):N0} bytes of arrays"));
    }

    /// <summary>Prefixes of title words, half typed alone and half after the title's previous word typed whole.</summary>
    private static List<TypedPrefix> DrawPrefixes(IReadOnlyList<string> titles, int count, Random random)
    {
        var words = titles.Select(title => title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetter).ToArray()))
            .ToList()).ToList();
        var typed = new List<TypedPrefix>(count);
        while (typed.Count < count)
        {
            var title = words[random.Next(words.Count)];
            var at = random.Next(title.Count);
            if (title.Count == 0 || title[at].Length < MinLetters)
            {
                continue;
            }

            var letters = random.Next(MinLetters, Math.Min(MaxLetters, title[at].Length) + 1);
            var afterWord = at > 0 && title[at - 1].Length > 0 && random.Next(2) == 0;
            typed.Add(new TypedPrefix(afterWord ? $"{title[at - 1]} {title[at][..letters]}" : title[at][..letters], letters, afterWord));
        }

        return typed;
    }

    private static RunResult Measure(NewsIndex index, IReadOnlyList<TypedPrefix> typed, int size, int threads)
    {
        var samples = new Sample[typed.Count];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = worker; i < typed.Count; i += threads)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var began = Stopwatch.GetTimestamp();
                var found = index.Suggest(new SuggestRequest(typed[i].Text, size));
                var ms = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                samples[i] = new Sample(ms, found.Suggestions.Count, GC.GetAllocatedBytesForCurrentThread() - allocated);
            }
        })
        { Name = $"suggest-bench-{worker}" }).ToList();
        workers.ForEach(worker => worker.Start());
        var clock = Stopwatch.StartNew();
        start.SignalAndWait();
        workers.ForEach(worker => worker.Join());
        return new RunResult(samples, clock.Elapsed);
    }

    private static void PrintTable(IReadOnlyList<TypedPrefix> typed, RunResult run)
    {
        Console.WriteLine("| typed | requests | mean suggestions | p50 ms | p90 ms | p99 ms | max ms | KB allocated/request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var rows = Enumerable.Range(MinLetters, MaxLetters - MinLetters + 1)
            .Select(letters => (Name: $"{letters} letters", Indexes: Enumerable.Range(0, typed.Count).Where(i => typed[i].Letters == letters).ToList()))
            .Append(("a prefix alone", Enumerable.Range(0, typed.Count).Where(i => !typed[i].AfterWord).ToList()))
            .Append(("after a whole word", Enumerable.Range(0, typed.Count).Where(i => typed[i].AfterWord).ToList()))
            .Append(("all", Enumerable.Range(0, typed.Count).ToList()));
        foreach (var (name, indexes) in rows)
        {
            if (indexes.Count == 0)
            {
                continue;
            }

            var stats = LatencyStats.Of(indexes.Select(i => run.Samples[i].Milliseconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {stats.Count:N0} | {indexes.Average(i => (double)run.Samples[i].Suggestions):N1} | {stats.P50:F2} | {stats.P90:F2} | {stats.P99:F2} | {stats.Max:F1} | {indexes.Average(i => run.Samples[i].AllocatedBytes) / 1024:N0} |"));
        }
    }

    /// <summary>
    /// Searches and suggestions on the built index, alone and then while a second read-only copy of the index builds
    /// every segment's suggestions on another thread (what a full merge costs, in the merge thread, on a serving index).
    /// </summary>
    private static void MeasureDuringBuild(NewsIndex index, NewsIndexOptions options, IReadOnlyList<string> titles, IReadOnlyList<TypedPrefix> typed, int size)
    {
        var queries = titles.Select(title => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(3))).ToList();
        var alone = SearchAndSuggest(index, queries, typed, size, stop: null, minimum: 1_000);

        using var copy = NewsIndex.OpenReadOnly(options);
        using var built = new ManualResetEventSlim();
        TimeSpan buildTime = default;
        var builder = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            copy.PrepareSuggestions();
            buildTime = clock.Elapsed;
            built.Set();
        })
        { Name = "suggest-bench-build" };
        builder.Start();
        var during = SearchAndSuggest(index, queries, typed, size, stop: built, minimum: 1);
        builder.Join();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## while another copy of the index builds its suggestions ({buildTime.TotalMilliseconds:N0} ms on its own thread)"));
        Console.WriteLine("| requests | when | count | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, alonePart, duringPart) in new[] { ("search", alone.Searches, during.Searches), ("suggest", alone.Suggestions, during.Suggestions) })
        {
            foreach (var (when, part) in new[] { ("alone", alonePart), ("during the build", duringPart) })
            {
                var stats = LatencyStats.Of(part);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {when} | {stats.Count:N0} | {stats.P50:F2} | {stats.P90:F2} | {stats.P99:F2} | {stats.Max:F1} |"));
            }
        }
    }

    /// <summary>Alternates a search and a suggestion on one thread, at least <paramref name="minimum"/> times each,
    /// and until <paramref name="stop"/> is set.</summary>
    private static (List<double> Searches, List<double> Suggestions) SearchAndSuggest(
        NewsIndex index, IReadOnlyList<string> queries, IReadOnlyList<TypedPrefix> typed, int size, ManualResetEventSlim? stop, int minimum)
    {
        var searches = new List<double>();
        var suggestions = new List<double>();
        for (var i = 0; i < minimum || (stop is not null && !stop.IsSet); i++)
        {
            var began = Stopwatch.GetTimestamp();
            index.Search(new SearchRequest(queries[i % queries.Count]));
            searches.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            began = Stopwatch.GetTimestamp();
            index.Suggest(new SuggestRequest(typed[i % typed.Count].Text, size));
            suggestions.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }

        return (searches, suggestions);
    }

    private sealed record TypedPrefix(string Text, int Letters, bool AfterWord);

    private readonly record struct Sample(double Milliseconds, int Suggestions, long AllocatedBytes);

    private sealed record RunResult(Sample[] Samples, TimeSpan Elapsed);
}
