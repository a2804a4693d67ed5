using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.LoadTest.Measurement;
using Search.LoadTest.Replication;
using Search.LoadTest.Workload;
using Search.LoadTest.Writes;
using Search.Postgres.Tests.Cluster;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>replication-bench</c>: a throwaway PostgreSQL with fsync on; node A started empty, the corpus loaded
/// through its <c>_bulk</c> (into the database, acknowledged after COMMIT); node B started empty and timed until ready
/// (it loaded the database); B's lag behind single PUTs to A at each rate; then searches against A alone and against
/// A and B in turn. Everything, the load generator included, shares this machine's cores.
/// </summary>
internal static class ReplicationBenchCommand
{
    public static int Run(ParseResult parseResult) => RunAsync(parseResult).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(ReplicationBenchCommandDefinition.Input) is { Length: > 0 } given ? given : [.. DataLocator.NewsFolders()];
        if (inputs.Length == 0 || inputs.Any(path => !File.Exists(path) && !Directory.Exists(path)))
        {
            Console.Error.WriteLine($"error: give --input files or folders that exist, or provide ../shared/data (got: {string.Join(", ", inputs)})");
            return 1;
        }

        var apiDll = parseResult.GetValue(ReplicationBenchCommandDefinition.ApiDll)
            ?? (DataLocator.FindRepositoryRoot() is { } root ? Path.Combine(root, "src", "Search.Api", "bin", "Release", "net10.0", "Search.Api.dll") : null);
        if (apiDll is null || !File.Exists(apiDll))
        {
            Console.Error.WriteLine($"error: build the service first (dotnet build -c Release src/Search.Api) or pass --api-dll: {apiDll}");
            return 1;
        }

        if (PostgresBinaries.Folder is null)
        {
            Console.Error.WriteLine($"error: {PostgresBinaries.SkipReason}");
            return 1;
        }

        RunEnvironment.Print(Console.Out);
        var corpus = WriteCorpus.Read(inputs);
        Console.WriteLine(Invariant($"# replication-bench: {corpus.Articles.Count:N0} articles ({corpus.JsonBytes / 1e6:N1} MB as JSON), PostgreSQL from {PostgresBinaries.Folder} with fsync on"));

        await using var database = await PostgresServer.CreateAsync(durable: true);
        var folder = Directory.CreateTempSubdirectory("replication-bench-").FullName;
        try
        {
            using var a = NodeProcess.Start(apiDll, Path.Combine(folder, "a"), database.ConnectionString, TimeSpan.FromMinutes(2));
            var load = BulkLoad.Run(a.Client, corpus, batchSize: 500, inFlight: 2);
            Console.WriteLine(Invariant($"load through node A's _bulk into PostgreSQL: {load.Articles:N0} articles in {load.Elapsed.TotalSeconds:F1} s ({load.ArticlesPerSecond:F0}/s), batch ms p50 {load.BatchLatency.P50:F0} p99 {load.BatchLatency.P99:F0}, {load.Failures.Count} failed batches"));
            var tableBytes = (long)(await database.ScalarAsync("SELECT pg_total_relation_size('articles')"))!;
            var logBytes = (long)(await database.ScalarAsync("SELECT pg_total_relation_size('change_log')"))!;
            var walBytes = Convert.ToInt64(await database.ScalarAsync("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"), CultureInfo.InvariantCulture);
            Console.WriteLine(Invariant($"PostgreSQL: articles table {tableBytes / 1e6:N1} MB, change log {logBytes / 1e6:N1} MB, WAL written since initdb {walBytes / 1e6:N1} MB"));

            // Node A applies the load after acknowledging it; B's bootstrap is timed once A is idle, not competing with it.
            var caughtUp = Stopwatch.StartNew();
            while (await LagRun.PendingAsync(a) > 0)
            {
                await Task.Delay(200);
            }

            Console.WriteLine(Invariant($"node A applied the whole load {caughtUp.Elapsed.TotalSeconds:F1} s after the last acknowledgement"));
            var clock = Stopwatch.StartNew();
            using var b = NodeProcess.Start(apiDll, Path.Combine(folder, "b"), database.ConnectionString, TimeSpan.FromMinutes(30));
            var bootstrap = clock.Elapsed;
            var line = b.LastLines().LastOrDefault(text => text.Contains("Bootstrapped", StringComparison.Ordinal))?.Trim();
            Console.WriteLine(Invariant($"node B started empty, ready after {bootstrap.TotalSeconds:F1} s (process start, .NET start-up and loading the database); its log: {line}"));
            Console.WriteLine(Invariant($"index folder of node B: {FolderBytes(Path.Combine(folder, "b")) / 1e6:N1} MB"));

            var offset = 0;
            foreach (var rate in parseResult.GetValue(ReplicationBenchCommandDefinition.Rates)!)
            {
                var walBefore = Convert.ToInt64(await database.ScalarAsync("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"), CultureInfo.InvariantCulture);
                var duration = parseResult.GetValue(ReplicationBenchCommandDefinition.Duration);
                var lag = await LagRun.RunAsync(a, b, corpus, rate, duration, offset);
                var walAfter = Convert.ToInt64(await database.ScalarAsync("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"), CultureInfo.InvariantCulture);
                offset += lag.Sent;
                Console.WriteLine(Invariant(
                    $"{rate} writes/s for {duration.TotalSeconds:F0} s: sent {lag.Sent}, acknowledged {lag.Acknowledged}, failed {lag.Failed}, achieved {lag.AchievedRate:F0}/s; acknowledgement ms p50 {lag.Acknowledgement.P50:F1} p99 {lag.Acknowledgement.P99:F1}; lag of node B ms p50 {lag.Lag.P50:F1} p99 {lag.Lag.P99:F1} max {lag.Lag.Max:F1} ({lag.NeverSeen} never seen); WAL {(walAfter - walBefore) / 1e6 / duration.TotalSeconds:F2} MB/s"));
            }

            var queries = QueryScaling.Queries(corpus, 2_000, seed: 42);
            var clients = parseResult.GetValue(ReplicationBenchCommandDefinition.Clients);
            var queryDuration = parseResult.GetValue(ReplicationBenchCommandDefinition.QueryDuration);
            await QueryScaling.RunAsync([a, b], queries, clients, TimeSpan.FromSeconds(5)); // warm-up, not reported
            foreach (var nodes in new[] { new[] { a }, [a, b] })
            {
                var result = await QueryScaling.RunAsync(nodes, queries, clients, queryDuration);
                Console.WriteLine(Invariant(
                    $"searches, {clients} clients closed loop, {result.Nodes} node(s): {result.PerSecond:F0}/s ({result.Requests} answered, {result.Failed} failed), ms p50 {result.Latency.P50:F1} p99 {result.Latency.P99:F1}"));
            }

            Console.WriteLine($"load average at the end: {RunEnvironment.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
