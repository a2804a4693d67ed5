using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Search.Postgres.Tests.Cluster;
using Search.Process.Tests;
using Search.Process.Tests.Crash;

namespace Search.Postgres.Tests.Replication;

/// <summary>
/// Real service processes following one throwaway PostgreSQL: a write through one node is searchable on the others
/// within a second; every node ends with the database's articles in their versions (checksums) through deletes and
/// replacements, a node killed with SIGKILL, a node joining empty, a database restart and a failover to a synchronous
/// standby; and nothing a writer was told is stored is missing from the database.
/// </summary>
public sealed class ReplicationTests(ITestOutputHelper log)
{
    private static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_write_through_one_node_is_searchable_on_the_others_within_a_second_and_all_agree()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        await using var a = await SearchNode.StartAsync(folder.Combine("a"), database.ConnectionString, log);
        await using var b = await SearchNode.StartAsync(folder.Combine("b"), database.ConnectionString, log);
        await using var c = await SearchNode.StartAsync(folder.Combine("c"), database.ConnectionString, log);
        await Task.WhenAll(new[] { a, b, c }.Select(node => node.WaitReadyAsync(TimeSpan.FromSeconds(30))));

        // The first search and write on each node pay for compiling their code: not measured.
        var delays = new List<double>();
        for (var i = -1; i < 10; i++)
        {
            var marker = string.Create(CultureInfo.InvariantCulture, $"zqmark{i}x");
            var body = $$"""{"title":"افتتاح معرض الكتاب {{marker}}","body":"يفتتح المعرض أبوابه للزوار اليوم","source":"صحيفة المساء"}""";
            using var put = await a.Client.PutAsync(new Uri($"/api/articles/visible-{i}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            var acknowledged = Stopwatch.StartNew();
            foreach (var other in new[] { b, c })
            {
                while (await other.CountAsync(marker) == 0)
                {
                    Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(5), $"{marker} not searchable on {other.BaseAddress} after 5 s");
                    await Task.Delay(10);
                }
            }

            if (i >= 0)
            {
                delays.Add(acknowledged.Elapsed.TotalMilliseconds);
            }
        }

        log.WriteLine($"searchable on both other nodes after (ms): {string.Join(", ", delays.Select(d => d.ToString("F0", CultureInfo.InvariantCulture)))}");
        // Within a second; on a machine shared with other work (load averages near 20 here) one write in ten may be
        // held up by the scheduler, so the slowest is allowed half a second more.
        Assert.True(delays.Count(delay => delay >= 1_000) <= 1, "more than one write in ten took a second or more to be searchable on both other nodes");
        Assert.All(delays, delay => Assert.True(delay < 1_500, $"a write took {delay:F0} ms to be searchable on both other nodes"));

        // Replacements and deletes through every node, then the same articles in the same versions everywhere.
        var ledger = new WriteLedger();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
        {
            var writers = new[] { a, b, c }.Select((node, n) => (Writer: new StreamingWriter($"n{n}", 30, ledger, 100 + n), Node: node)).ToList();
            await Task.WhenAll(writers.Select(w => w.Writer.RunAsync(w.Node.Client, stop.Token)));
            Assert.Empty(writers.SelectMany(w => w.Writer.Problems));
            Assert.Equal(0, writers.Sum(w => w.Writer.Refused));
        }

        log.WriteLine($"converged in {(await Convergence.WaitAsync(database, [a, b, c], ConvergeTimeout)).TotalMilliseconds:F0} ms");
        Assert.Empty(await Convergence.LedgerProblemsAsync(database, ledger));
        Assert.Empty(await Convergence.NodeProblemsAsync(database, c, ledger));
    }

    [SkippableFact]
    public async Task A_node_killed_mid_stream_catches_up_on_restart_with_nothing_missing_or_doubled()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        await using var a = await SearchNode.StartAsync(folder.Combine("a"), database.ConnectionString, log);
        var b = await SearchNode.StartAsync(folder.Combine("b"), database.ConnectionString, log);
        try
        {
            var ledger = new WriteLedger();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(n => new StreamingWriter($"k{n}", 60, ledger, 200 + n)).ToList();
            var running = writers.Select(writer => writer.RunAsync(a.Client, stop.Token)).ToList();

            // Until b has committed a position (every second here), so that it resumes rather than reloads.
            var waited = Stopwatch.StartNew();
            while (await b.CommittedSequenceAsync() == 0)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "b committed nothing within 30 s");
                await Task.Delay(100);
            }

            await Task.Delay(500);
            b.Kill();
            var killedAt = (await a.ChecksumAsync()).Applied;
            await b.DisposeAsync();
            await Task.Delay(1_500);
            b = await SearchNode.StartAsync(folder.Combine("b"), database.ConnectionString, log);
            await Task.Delay(1_000);
            await stop.CancelAsync();
            await Task.WhenAll(running);
            Assert.Empty(writers.SelectMany(writer => writer.Problems));

            var caughtUp = await Convergence.WaitAsync(database, [a, b], ConvergeTimeout);
            log.WriteLine($"killed near change {killedAt}; {writers.Sum(w => w.Acknowledged)} changes acknowledged; converged {caughtUp.TotalMilliseconds:F0} ms after the writers stopped");
            Assert.Contains("Bootstrapped", a.Output, StringComparison.Ordinal); // a started empty
            Assert.DoesNotContain("Bootstrapped", b.Output, StringComparison.Ordinal); // b resumed from its commit
            Assert.Empty(await Convergence.LedgerProblemsAsync(database, ledger));
            Assert.Empty(await Convergence.NodeProblemsAsync(database, b, ledger));
        }
        finally
        {
            await b.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_new_node_joins_from_empty_while_writes_go_on_and_converges()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        await using var a = await SearchNode.StartAsync(folder.Combine("a"), database.ConnectionString, log);
        var ledger = new WriteLedger();
        var seed = new StringBuilder();
        var generator = new ArticleGenerator(7);
        for (var i = 0; i < 400; i++)
        {
            seed.AppendLine(generator.Next($"seed-{i}", 1).ToJson());
        }

        using (var bulk = await a.Client.PostAsync(new Uri("/api/articles/_bulk", UriKind.Relative), new StringContent(seed.ToString(), Encoding.UTF8, "application/x-ndjson")))
        {
            Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        }

        using var stop = new CancellationTokenSource();
        var writer = new StreamingWriter("j", 80, ledger, 300);
        var running = writer.RunAsync(a.Client, stop.Token);
        await Task.Delay(500);

        await using var joined = await SearchNode.StartAsync(folder.Combine("joined"), database.ConnectionString, log);
        await Task.Delay(1_500);
        await stop.CancelAsync();
        await running;
        Assert.Empty(writer.Problems);

        await Convergence.WaitAsync(database, [a, joined], ConvergeTimeout);
        Assert.Contains("Bootstrapped", joined.Output, StringComparison.Ordinal);
        await joined.WaitReadyAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await Convergence.LedgerProblemsAsync(database, ledger));
        Assert.Empty(await Convergence.NodeProblemsAsync(database, joined, ledger));
    }

    [SkippableFact]
    public async Task Nodes_reconnect_and_resume_when_postgres_restarts_mid_stream()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        await using var a = await SearchNode.StartAsync(folder.Combine("a"), database.ConnectionString, log);
        await using var b = await SearchNode.StartAsync(folder.Combine("b"), database.ConnectionString, log);
        var ledger = new WriteLedger();
        using var stop = new CancellationTokenSource();
        var writers = new[] { a, b }.Select((node, n) => (Writer: new StreamingWriter($"r{n}", 60, ledger, 400 + n), Node: node)).ToList();
        var running = writers.Select(w => w.Writer.RunAsync(w.Node.Client, stop.Token)).ToList();

        await Task.Delay(1_000);
        await database.StopAsync(immediate: true);
        await Task.Delay(1_500);
        await database.StartAsync();
        var restarted = Stopwatch.StartNew();
        var before = writers.Sum(w => w.Writer.Acknowledged);
        while (writers.Sum(w => w.Writer.Acknowledged) < before + 50)
        {
            Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(20), "no write was acknowledged within 20 s of the database's restart");
            await Task.Delay(50);
        }

        log.WriteLine($"writes acknowledged again {restarted.ElapsedMilliseconds} ms after the database restarted; {writers.Sum(w => w.Writer.Refused)} changes refused meanwhile");
        await Task.Delay(1_000);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        Assert.Empty(writers.SelectMany(w => w.Writer.Problems));
        Assert.True(writers.Sum(w => w.Writer.Refused) > 0, "the restart refused no write: it did not happen mid-stream");

        // The outage is logged once per node, not with a stack trace at every write it refused.
        foreach (var node in new[] { a, b })
        {
            Assert.DoesNotContain("changes to PostgreSQL failed", node.Output, StringComparison.Ordinal);
            Assert.Contains("PostgreSQL takes writes again", node.Output, StringComparison.Ordinal);
        }

        await Convergence.WaitAsync(database, [a, b], ConvergeTimeout);
        Assert.Empty(await Convergence.LedgerProblemsAsync(database, ledger));
        Assert.Empty(await Convergence.NodeProblemsAsync(database, b, ledger));
    }

    [SkippableFact]
    public async Task A_node_whose_index_was_built_from_another_database_refuses_to_follow_this_one()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        await database.ExecuteAsync("CREATE DATABASE other");
        var other = database.ConnectionString.Replace("Database=postgres", "Database=other", StringComparison.Ordinal);
        using var folder = new TempFolder();

        // The index, built from the other database: three articles, that log's position far behind this one's.
        await using (var node = await SearchNode.StartAsync(folder.Combine("node"), other, log))
        {
            await node.WaitReadyAsync(TimeSpan.FromSeconds(30));
            for (var i = 0; i < 3; i++)
            {
                using var put = await node.Client.PutAsync(new Uri($"/api/articles/foreign-{i}", UriKind.Relative), new StringContent("""{"title":"خبر من قاعدة أخرى"}""", Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }

            while (await node.CommittedSequenceAsync() < 3)
            {
                await Task.Delay(100);
            }

            Assert.Equal(0, await node.StopAsync());
        }

        await using (var writer = await SearchNode.StartAsync(folder.Combine("writer"), database.ConnectionString, log))
        {
            var lines = string.Join('\n', Enumerable.Range(0, 20).Select(i => $$"""{"id":"own-{{i}}","title":"خبر من هذه القاعدة"}"""));
            using var bulk = await writer.Client.PostAsync(new Uri("/api/articles/_bulk", UriKind.Relative), new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
            Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        }

        // Pointed at this database, whose log is further on than the other's: its changes must not land on top.
        await using var moved = await SearchNode.StartAsync(folder.Combine("node"), database.ConnectionString, log);
        var clock = Stopwatch.StartNew();
        string readiness;
        while (true)
        {
            using var ready = await moved.Client.GetAsync(new Uri("/ready", UriKind.Relative));
            readiness = await ready.Content.ReadAsStringAsync();
            if (ready.StatusCode == HttpStatusCode.ServiceUnavailable && readiness.Contains("another database", StringComparison.Ordinal))
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"/ready did not refuse the node within 30 s: {(int)ready.StatusCode} {readiness}");
            await Task.Delay(100);
        }

        await Task.Delay(1_500); // a follower that did not refuse would have applied this database's changes by now
        Assert.Equal(3, (await moved.ChecksumAsync()).Articles);
        using var write = await moved.Client.PutAsync(new Uri("/api/articles/own-0", UriKind.Relative), new StringContent("""{"title":"خبر"}""", Encoding.UTF8, "application/json"));
        var refusal = await write.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Contains("another database", refusal, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_synchronous_standby_promoted_mid_stream_loses_no_acknowledged_write()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var primary = await PostgresServer.CreateAsync(log.WriteLine);
        var standby = await primary.AddSynchronousStandbyAsync();
        var both = $"Host=127.0.0.1:{primary.Port},127.0.0.1:{standby.Port};Username=postgres;Database=postgres;Target Session Attributes=read-write;Host Recheck Seconds=1;Timeout=3";
        using var folder = new TempFolder();
        await using var a = await SearchNode.StartAsync(folder.Combine("a"), both, log);
        await using var b = await SearchNode.StartAsync(folder.Combine("b"), both, log);
        var ledger = new WriteLedger();
        using var stop = new CancellationTokenSource();
        var writers = new[] { a, b }.Select((node, n) => (Writer: new StreamingWriter($"f{n}", 60, ledger, 500 + n), Node: node)).ToList();
        var running = writers.Select(w => w.Writer.RunAsync(w.Node.Client, stop.Token)).ToList();

        await Task.Delay(1_500);
        await primary.StopAsync(immediate: true);

        // A moment with no primary at all, as a failover manager takes to decide: nodes meet "no suitable host".
        await Task.Delay(1_000);
        await standby.PromoteAsync();
        var promoted = Stopwatch.StartNew();
        var before = writers.Sum(w => w.Writer.Acknowledged);
        while (writers.Sum(w => w.Writer.Acknowledged) < before + 50)
        {
            Assert.True(promoted.Elapsed < TimeSpan.FromSeconds(30), "no write was acknowledged within 30 s of the promotion");
            await Task.Delay(50);
        }

        log.WriteLine($"writes acknowledged by the promoted standby {promoted.ElapsedMilliseconds} ms after the promotion; {writers.Sum(w => w.Writer.Refused)} changes refused meanwhile");
        await Task.Delay(1_000);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        Assert.Empty(writers.SelectMany(w => w.Writer.Problems));
        Assert.True(writers.Sum(w => w.Writer.Refused) > 0, "the failover refused no write: it did not happen mid-stream");

        await Convergence.WaitAsync(standby, [a, b], ConvergeTimeout);
        Assert.Empty(await Convergence.LedgerProblemsAsync(standby, ledger));
        Assert.Empty(await Convergence.NodeProblemsAsync(standby, a, ledger));
    }
}
