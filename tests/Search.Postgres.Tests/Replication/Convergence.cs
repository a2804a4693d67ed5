using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Search.Core.Indexing;
using Search.Postgres.Tests.Cluster;
using Search.Process.Tests;
using Search.Process.Tests.Crash;

namespace Search.Postgres.Tests.Replication;

/// <summary>What the tests compare: each node's index against the database (the checksum of every id and version),
/// the database against what the writers were told, and a node's articles, read back whole, against the database.</summary>
internal static class Convergence
{
    /// <summary>The checksum the database's articles table gives, as a node computes its own.</summary>
    public static async Task<IndexChecksum> DatabaseChecksumAsync(PostgresServer database) =>
        IndexChecksum.Of(await database.RowsAsync("SELECT id, version FROM articles", row => (row.GetString(0), row.GetInt64(1))));

    /// <summary>Waits until every node holds exactly the database's ids in their versions.</summary>
    /// <returns>How long that took.</returns>
    public static async Task<TimeSpan> WaitAsync(PostgresServer database, IReadOnlyList<ServiceProcess> nodes, TimeSpan timeout)
    {
        var expected = await DatabaseChecksumAsync(database);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = await Task.WhenAll(nodes.Select(node => node.ChecksumAsync()));
            if (states.All(state => state.Articles == expected.Articles && state.Checksum == expected.Sum))
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"The nodes did not converge within {timeout.TotalSeconds:F0} s on the database's {expected.Articles} articles, checksum {expected.Sum}: "
                    + string.Join("; ", states.Select((state, i) => $"node {i}: {state.Describe()}")));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Each id the writers used holds in the database a state they may see: the last acknowledged write's,
    /// or that of a write whose answer never came.</summary>
    public static async Task<List<string>> LedgerProblemsAsync(PostgresServer database, WriteLedger ledger)
    {
        var rows = (await database.RowsAsync("SELECT id, doc::text FROM articles", row => (row.GetString(0), row.GetString(1))))
            .ToDictionary(row => row.Item1, row => JsonSerializer.Deserialize<ArticleVersion>(row.Item2, ArticleVersion.Json), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in ledger.Ids)
        {
            var held = rows.GetValueOrDefault(id);
            var allowed = ledger.Allowed(id);
            if (!allowed.Any(state => Same(state, held)))
            {
                problems.Add($"{id}: the database holds {Describe(held)}, the last acknowledged write left {Describe(allowed[0])}");
            }
        }

        return problems;
    }

    /// <summary>Reads every id the writers used back from a node and compares it, whole, with the database's row.</summary>
    public static async Task<List<string>> NodeProblemsAsync(PostgresServer database, ServiceProcess node, WriteLedger ledger)
    {
        var rows = (await database.RowsAsync("SELECT id, doc::text FROM articles", row => (row.GetString(0), row.GetString(1))))
            .ToDictionary(row => row.Item1, row => JsonSerializer.Deserialize<ArticleVersion>(row.Item2, ArticleVersion.Json), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in ledger.Ids)
        {
            using var response = await node.Client.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var observed = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<ArticleVersion>(body, ArticleVersion.Json) : null;
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound) || !Same(observed, rows.GetValueOrDefault(id)))
            {
                problems.Add($"{id}: the node answers {(int)response.StatusCode} {Describe(observed)}, the database holds {Describe(rows.GetValueOrDefault(id))}");
            }
        }

        return problems;
    }

    private static bool Same(ArticleVersion? a, ArticleVersion? b) => a is null ? b is null : b is not null && a.SameAs(b);

    private static string Describe(ArticleVersion? state) => state is null ? "nothing" : state.ToString();
}
