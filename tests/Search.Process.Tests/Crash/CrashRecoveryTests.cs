using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Search.Process.Tests.Crash;

/// <summary>
/// Kills the real service with SIGKILL while clients write to it, at a different point each round, restarts it on the
/// same folder and checks that every acknowledged write is there, whole and in its last acknowledged version, that
/// acknowledged deletes stay deleted, and that Lucene's CheckIndex finds both the commit the crash left and the index
/// after a clean stop sound.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper log)
{
    private const int Clients = 4;
    private const int IdsPerClient = 150;

    /// <summary>Kill windows in milliseconds after the first acknowledged write, one per round: before the first index
    /// commit (the service commits every second here), around it, and a few commits in, so recovery replays the log
    /// onto no commit, a fresh one and an older one.</summary>
    private static readonly (int From, int To)[] KillWindows = [(0, 400), (400, 1_200), (1_200, 2_200), (2_200, 3_200)];

    [Fact]
    public async Task Acknowledged_writes_survive_sigkill_at_varied_points_and_the_index_stays_clean()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_ROUNDS"), CultureInfo.InvariantCulture, out var count) ? count : KillWindows.Length;
        log.WriteLine($"seed {seed}, {rounds} rounds (CRASH_TEST_SEED repeats the kill points and the writes; CRASH_TEST_ROUNDS runs longer)");
        var random = new Random(seed);
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");

        // One apply thread (the default on two cores) and two (a batch split by id) in turn, through crashes and replays.
        ServiceOptions Options(int round) => new(indexPath)
        {
            Environment = new Dictionary<string, string>
            {
                ["Search__Writes__CommitIntervalSeconds"] = "1",
                ["Search__Writes__ApplyThreads"] = (1 + round % 2).ToString(CultureInfo.InvariantCulture),
            },
        };

        var ledger = new WriteLedger();
        var service = await ServiceProcess.StartAsync(Options(0), log);
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var (from, to) = KillWindows[(round - 1) % KillWindows.Length];
                var killAfter = TimeSpan.FromMilliseconds(random.Next(from, to));
                var warm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var writers = Enumerable.Range(0, Clients).Select(n => new WriterClient(n, IdsPerClient, ledger, random.Next(), warm)).ToList();
                var killed = false;
                var running = writers.Select(writer => Task.Run(() => writer.RunAsync(service.Client, () => Volatile.Read(ref killed)))).ToList();

                await Task.WhenAny(warm.Task, Task.WhenAll(running)).WaitAsync(TimeSpan.FromSeconds(30));
                await Task.Delay(killAfter);
                Volatile.Write(ref killed, true);
                service.Kill();
                await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30));
                await service.DisposeAsync();
                Assert.Empty(writers.SelectMany(writer => writer.Problems));

                var crashCommit = LuceneIndexCheck.Run(indexPath);
                Assert.True(crashCommit is null or { Clean: true }, $"CheckIndex after the kill:\n{crashCommit?.Report}");

                // Every other round the restart is killed too, somewhere in start-up or in replaying the log: recovery
                // must survive its own crash.
                var killedInStartUp = "";
                if (round % 2 == 0)
                {
                    var startUpKill = TimeSpan.FromMilliseconds(random.Next(50, 1_000));
                    await using var restarting = ServiceProcess.Launch(Options(round), log);
                    await Task.Delay(startUpKill);
                    restarting.Kill();
                    killedInStartUp = string.Create(CultureInfo.InvariantCulture, $"; its restart killed after {startUpKill.TotalMilliseconds:N0} ms");
                }

                var restart = Stopwatch.StartNew();
                service = await ServiceProcess.StartAsync(Options(round), log);
                var restartMs = restart.ElapsedMilliseconds;
                var problems = await VerifyAsync(service, ledger);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: killed {killAfter.TotalMilliseconds:N0} ms after the first acknowledgement, {writers.Sum(w => w.AcknowledgedChanges):N0} changes acknowledged, {writers.Sum(w => w.UnansweredChanges)} unanswered; commit left by the crash: {(crashCommit is null ? "none yet" : "clean")}{killedInStartUp}; restart {restartMs:N0} ms; {ledger.Ids.Count} ids checked, {ledger.PresentCount} present"));
                Assert.True(problems.Count == 0, $"round {round} (seed {seed}), {problems.Count} ids wrong after the restart:\n{string.Join('\n', problems.Take(20))}");
            }

            Assert.Equal(0, await service.StopAsync());
            var final = LuceneIndexCheck.Run(indexPath);
            Assert.NotNull(final);
            Assert.True(final.Value.Clean, $"CheckIndex after a clean stop:\n{final.Value.Report}");
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>Reads every id the ledger knows back from the service, checks it against what may be there, settles
    /// the ledger on what is, and checks the article count matches (no id held twice).</summary>
    private static async Task<List<string>> VerifyAsync(ServiceProcess service, WriteLedger ledger)
    {
        var problems = new List<string>();
        await Parallel.ForEachAsync(ledger.Ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, cancellationToken) =>
        {
            using var response = await service.Client.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            ArticleVersion? observed = response.StatusCode switch
            {
                HttpStatusCode.OK => JsonSerializer.Deserialize<ArticleVersion>(body, ArticleVersion.Json),
                HttpStatusCode.NotFound => null,
                _ => throw new InvalidOperationException($"GET {id} answered {(int)response.StatusCode}: {body}"),
            };

            var allowed = ledger.Allowed(id);
            if (!allowed.Any(state => state is null ? observed is null : observed is not null && state.SameAs(observed)))
            {
                var unanswered = allowed.Count > 1 ? $"; unanswered writes after it: {string.Join(", ", allowed.Skip(1).Select(Describe))}" : "";
                lock (problems)
                {
                    problems.Add($"{id} holds {Describe(observed)}, but the last acknowledged write left {Describe(allowed[0])}{unanswered}");
                }
            }

            ledger.Settle(id, observed);
        });

        using var stats = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/api/index/stats", UriKind.Relative)));
        var articles = stats.RootElement.GetProperty("index").GetProperty("articles").GetInt32();
        if (articles != ledger.PresentCount)
        {
            problems.Add($"the index counts {articles} articles where {ledger.PresentCount} ids hold one");
        }

        return problems;
    }

    private static string Describe(ArticleVersion? state) => state is null ? "nothing" : state.ToString();
}
