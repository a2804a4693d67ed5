using System.Diagnostics;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.LoadTest.Measurement;

namespace Search.LoadTest.Commands;

/// <summary>
/// <c>query-bench --queries-file</c>: a fixed list of queries timed the way the Java peer's <c>run.sh latency</c> times
/// them (one thread, whole untimed passes first, then one timed pass in file order, top 10), so the two figures sit in
/// one table. "Search" reads the hits' stored fields as the peer reads its ids; "search + snippets" adds our
/// highlighting, where the peer adds one UnifiedHighlighter passage a hit.
/// </summary>
internal static class QueryFileBench
{
    public static int Run(string indexPath, FileInfo file, int passes, int pageSize, int residentMb)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: no queries file at {file.FullName}");
            return 1;
        }

        var queries = Read(file);
        if (queries.Count == 0)
        {
            Console.Error.WriteLine($"error: {file.FullName} holds no queries");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        using var index = NewsIndex.Open(new NewsIndexOptions(indexPath) { ResidentMemoryMb = residentMb });
        Console.WriteLine($"# query-bench --queries-file: {queries.Count:N0} queries from {file.FullName}; {passes} untimed passes then 1 timed, 1 thread, top {pageSize}; index {indexPath} ({index.Count:N0} articles), {residentMb} MB resident");
        Console.WriteLine();
        Console.WriteLine("| mode | queries | queries/s | p50 ms | p90 ms | p99 ms | mean ms | max ms | KB allocated/query | mean ms: build / match / hits |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var plain = new SearchRequest("", 1, pageSize) { IncludeFacets = false, CollapseDuplicates = false, Highlight = false };
        foreach (var (mode, shape) in new[] { ("search", plain), ("search + snippets", plain with { Highlight = true }) })
        {
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var query in queries)
                {
                    index.Search(shape with { Query = query });
                }
            }

            var milliseconds = new double[queries.Count];
            double build = 0, match = 0, fetch = 0;
            var phases = new SearchTimings?[queries.Count];
            var collected = new bool[queries.Count];
            var collections = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < queries.Count; i++)
            {
                var before = GC.CollectionCount(0);
                var began = Stopwatch.GetTimestamp();
                var timings = phases[i] = index.Search(shape with { Query = queries[i] }).Timings;
                milliseconds[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                collected[i] = GC.CollectionCount(0) != before;

                // Where the engine's own clock puts the time: building the query (analysis, word forms, corrections),
                // Lucene matching and scoring, and reading and highlighting the hits.
                build += timings?.QueryMs ?? 0;
                match += timings?.MatchMs ?? 0;
                fetch += timings?.HitsMs ?? 0;
            }

            var elapsed = clock.Elapsed;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var stats = LatencyStats.Of(milliseconds);
            var pauses = GC.GetTotalPauseDuration() - paused;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {queries.Count:N0} | {queries.Count / elapsed.TotalSeconds:N0} | {stats.P50:F2} | {stats.P90:F2} | {stats.P99:F2} | {milliseconds.Average():F2} | {stats.Max:F1} | {bytes / 1024.0 / queries.Count:N0} | {build / queries.Count:F2} / {match / queries.Count:F2} / {fetch / queries.Count:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#   GC in the timed pass: {GC.CollectionCount(0) - collections} collections, {pauses.TotalMilliseconds:F0} ms paused; {collected.Count(c => c)} queries saw one"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT\tlatency\tmode={mode}\tn={queries.Count}\tp50_ms={stats.P50:F4}\tp90_ms={stats.P90:F4}\tp99_ms={stats.P99:F4}"));

            // The tail, query by query: which phase the slowest 1 % spend their time in.
            foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => milliseconds[i]).Take(Math.Max(1, queries.Count / 100)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"#   slow: {milliseconds[i]:F1} ms (build {phases[i]?.QueryMs:F1} / match {phases[i]?.MatchMs:F1} / hits {phases[i]?.HitsMs:F1}{(collected[i] ? ", a collection" : "")}): {queries[i]}"));
            }
        }

        return 0;
    }

    /// <summary>One query a line: the text after the last tab (XQuAD-ar's queries.tsv is id TAB question), blank lines
    /// skipped. Queries over the engine's caps are kept: they fail the same way every pass.</summary>
    private static List<string> Read(FileInfo file) =>
        [.. File.ReadLines(file.FullName)
            .Select(line => line[(line.LastIndexOf('\t') + 1)..].Trim())
            .Where(text => text.Length > 0)];
}
