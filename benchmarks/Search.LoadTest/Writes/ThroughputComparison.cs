using System.Globalization;
using Search.LoadTest.Commands;
using Search.LoadTest.Http;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Writes;

/// <summary>
/// Part (a) of <c>write-bench</c>: the offline indexer and the corpus through <c>_bulk</c>, each onto an empty index,
/// taking turns <c>repeat</c> times so that both meet the same neighbours on a shared machine; the ratio is taken
/// between the best run of each, the one least disturbed.
/// </summary>
internal static class ThroughputComparison
{
    /// <returns>The service of the last bulk run, holding the corpus, for the measurements that follow.</returns>
    public static ServiceUnderTest Run(
        WriteCorpus corpus,
        IReadOnlyList<string> inputs,
        IReadOnlyCollection<string> phases,
        string indexerDll,
        Func<ServiceUnderTest> startService,
        int batchSize,
        int inFlight,
        int repeat)
    {
        Console.WriteLine();
        Console.WriteLine("## (a) bulk: articles/s to durable acknowledgement, against the offline indexer");
        Console.WriteLine();
        Console.WriteLine("| run | path | articles | seconds | articles/s | MB/s of text | batch answer p50 / p99 ms | load average before |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|");
        var offline = new List<double>();
        var api = new List<double>();
        ServiceUnderTest? service = null;
        for (var run = 1; run <= repeat; run++)
        {
            if (phases.Contains("indexer"))
            {
                var load = Measurement.RunEnvironment.LoadAverage();
                var result = OfflineIndexerRun.Run(indexerDll, inputs);
                var seconds = result.Articles / result.ArticlesPerSecond;
                offline.Add(result.ArticlesPerSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run} | offline indexer (CLI, default threads; process wall {result.Wall.TotalSeconds:F1} s) | {result.Articles:N0} | {seconds:F1} | {result.ArticlesPerSecond:N0} | {corpus.TextBytes / 1e6 / seconds:F2} | | {load} |"));
            }

            if (phases.Contains("bulk"))
            {
                service?.Dispose();
                service = startService();
                var load = Measurement.RunEnvironment.LoadAverage();
                var bulk = BulkLoad.Run(service.Client, corpus, batchSize, inFlight);
                api.Add(bulk.ArticlesPerSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run} | API `_bulk`, {batchSize} a request, {inFlight} in flight | {bulk.Articles:N0} | {bulk.Elapsed.TotalSeconds:F1} | {bulk.ArticlesPerSecond:N0} | {corpus.TextBytes / 1e6 / bulk.Elapsed.TotalSeconds:F2} | {bulk.BatchLatency.P50:F0} / {bulk.BatchLatency.P99:F0} | {load} |"));
                foreach (var failure in bulk.Failures.Take(10))
                {
                    Console.WriteLine($"failed: {failure}");
                }

                // Its article count is as of the last refresh, at most a second behind the last answer.
                Thread.Sleep(TimeSpan.FromSeconds(1.5));
                WriteBenchCommand.PrintStats(service.Client, $"after bulk run {run}");
            }
        }

        if (offline.Count > 0 && api.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"API / offline indexer, best runs: {api.Max():N0} / {offline.Max():N0} = {api.Max() / offline.Max():P0} (target ≥ 80 %); medians {Median(api):N0} / {Median(offline):N0} = {Median(api) / Median(offline):P0}"));
        }

        return service ?? startService();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
