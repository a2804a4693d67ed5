using System.Globalization;
using System.Text.Json;
using Search.Process.Tests;

namespace Search.Postgres.Tests.Replication;

/// <summary>One search node: the real service as a process (<see cref="ServiceProcess"/>) with <c>Search:Store</c> =
/// <c>postgres</c>, its own index folder, committing every second.</summary>
internal static class SearchNode
{
    public static ServiceOptions Options(string indexPath, string connectionString) => new(indexPath)
    {
        Environment = new Dictionary<string, string>
        {
            ["Search__Store"] = "postgres",
            ["Search__Postgres__ConnectionString"] = connectionString,
            ["Search__Writes__CommitIntervalSeconds"] = "1",
        },
    };

    public static Task<ServiceProcess> StartAsync(string indexPath, string connectionString, ITestOutputHelper log) =>
        ServiceProcess.StartAsync(Options(indexPath, connectionString), log);

    /// <summary>The node's <c>GET /api/index/checksum</c>.</summary>
    public static async Task<(long Articles, string Checksum, long Applied)> ChecksumAsync(this ServiceProcess node)
    {
        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/api/index/checksum", UriKind.Relative)));
        var root = json.RootElement;
        return (root.GetProperty("articles").GetInt64(), root.GetProperty("checksum").GetString()!, root.GetProperty("appliedSequence").GetInt64());
    }

    /// <summary>Waits until the node's <c>/ready</c> answers 200: it loaded the database and is not lagging.</summary>
    public static async Task WaitReadyAsync(this ServiceProcess node, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using (var ready = await node.Client.GetAsync(new Uri("/ready", UriKind.Relative)))
            {
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }

                Assert.True(clock.Elapsed < timeout, $"{node.BaseAddress} not ready after {timeout.TotalSeconds:F0} s: {await ready.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The change the node's last index commit holds everything up to.</summary>
    public static async Task<long> CommittedSequenceAsync(this ServiceProcess node)
    {
        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/api/index/stats", UriKind.Relative)));
        return json.RootElement.GetProperty("writes").GetProperty("committedSequence").GetInt64();
    }

    /// <summary>Hits of a search on the node.</summary>
    public static async Task<long> CountAsync(this ServiceProcess node, string query)
    {
        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}&facets=false&highlight=false", UriKind.Relative)));
        return json.RootElement.GetProperty("total").GetInt64();
    }

    public static string Describe(this (long Articles, string Checksum, long Applied) checksum) =>
        string.Create(CultureInfo.InvariantCulture, $"{checksum.Articles} articles, checksum {checksum.Checksum}, applied up to {checksum.Applied}");
}
