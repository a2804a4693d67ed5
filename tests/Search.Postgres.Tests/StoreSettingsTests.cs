using System.Net;
using System.Text;
using Search.Postgres.Tests.Cluster;
using Search.Process.Tests;

namespace Search.Postgres.Tests;

/// <summary>The service with <c>Search:Store</c> = <c>postgres</c>: settings that cannot work stop the start with the
/// reason; a database that cannot be reached does not, and the node says why it is not ready and refuses writes.</summary>
public sealed class StoreSettingsTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("", "Search:Postgres:ConnectionString is empty")]
    [InlineData("Host=db;Port=not-a-port", "Search:Postgres:ConnectionString does not parse")]
    public async Task A_postgres_store_without_a_usable_connection_string_stops_the_start_with_the_reason(string connectionString, string reason)
    {
        using var folder = new TempFolder();
        await using var service = ServiceProcess.Launch(Options(folder.Combine("index"), connectionString), log);

        Assert.Equal(1, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(reason, service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_whose_database_is_down_starts_is_not_ready_and_refuses_writes_with_a_503()
    {
        using var folder = new TempFolder();

        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), "Host=127.0.0.1;Port=1;Timeout=2"), log);

        using var ready = await service.Client.GetAsync(new Uri("/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Loading the database", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var put = await service.Client.PutAsync(
            new Uri("/api/articles/story-1", UriKind.Relative),
            new StringContent("""{"title":"افتتاح متحف الفن الحديث"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode);
        Assert.Contains("write_unavailable", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), put.Headers.RetryAfter?.Delta);
    }

    [SkippableFact]
    public async Task An_empty_node_the_database_refuses_says_why_it_is_not_ready_rather_than_loading()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        var missing = database.ConnectionString.Replace("Database=postgres", "Database=no_such_database", StringComparison.Ordinal);
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), missing), log);

        // Reached, but refused for good (a database that does not exist, a wrong password): nothing is loading.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string readiness;
        while (true)
        {
            using var ready = await service.Client.GetAsync(new Uri("/ready", UriKind.Relative));
            readiness = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            if (readiness.Contains("no_such_database", StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Contains("cannot load the database", readiness, StringComparison.Ordinal);
        Assert.Contains("does not exist", readiness, StringComparison.Ordinal);
    }

    private static ServiceOptions Options(string indexPath, string connectionString) => new(indexPath)
    {
        Environment = new Dictionary<string, string>
        {
            ["Search__Store"] = "postgres",
            ["Search__Postgres__ConnectionString"] = connectionString,
        },
    };
}
