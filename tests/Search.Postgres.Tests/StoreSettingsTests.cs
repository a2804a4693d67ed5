using System.Net;
using System.Text;
using Search.Core.Documents;
using Search.Core.Writing;
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

    [Fact]
    public async Task A_node_whose_database_is_down_answers_readiness_and_writes_at_once_with_the_reason()
    {
        using var folder = new TempFolder();
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), "Host=127.0.0.1;Port=1;Timeout=2"), log);
        await Task.Delay(1_000); // the first try to reach it has failed by now

        // Within the 1 s a Kubernetes readiness probe allows by default: the probe used to wait out its own 2 s deadline.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var ready = await service.Client.GetAsync(new Uri("/ready", UriKind.Relative)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"/ready took {clock.Elapsed}");
            Assert.Contains("cannot be reached", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        clock.Restart();
        using var put = await service.Client.PutAsync(new Uri("/api/articles/story-1", UriKind.Relative), Json("""{"title":"افتتاح متحف الفن الحديث"}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode);
        Assert.Contains("cannot be reached", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the refused write took {clock.Elapsed}");
    }

    [SkippableFact]
    public async Task A_node_started_before_its_database_exists_says_why_and_joins_once_it_is_created_without_a_restart()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        using var folder = new TempFolder();
        var late = database.ConnectionString.Replace("Database=postgres", "Database=late_database", StringComparison.Ordinal);
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), late), log);

        // Reached, but refused (a database that does not exist yet, a wrong password): the reason, not "loading 0 of 0".
        var readiness = await WaitForReadinessAsync(service, (_, text) => text.Contains("late_database", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.Status);
        Assert.Contains("does not exist", readiness.Text, StringComparison.Ordinal);

        // A write is refused at once with the reason, not after waiting out the connection deadline.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var refused = await service.Client.PutAsync(new Uri("/api/articles/early", UriKind.Relative), Json("""{"title":"خبر قبل قاعدة البيانات"}""")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("refuses this node", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the refusal took {clock.Elapsed}");
        }

        await database.ExecuteAsync("CREATE DATABASE late_database");

        var joined = await WaitForReadinessAsync(service, (status, _) => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        using var put = await service.Client.PutAsync(new Uri("/api/articles/after?refresh=wait_for", UriKind.Relative), Json("""{"title":"خبر بعد إنشاء قاعدة البيانات"}"""));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    [SkippableFact]
    public async Task An_empty_node_whose_load_of_the_database_keeps_failing_says_why_in_readiness()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        await using (var writer = PostgresArticleLog.Open(new PostgresStoreOptions(database.ConnectionString)))
        {
            await writer.AppendAsync([ArticleChange.Upsert(new NewsArticle { Id = "edited", Title = "خبر عدله أحد باليد" })]);
        }

        // A row edited by hand into something that is not an article: every load fails on it, and starts over.
        await database.ExecuteAsync("UPDATE articles SET doc = '[]' WHERE id = 'edited'");
        using var folder = new TempFolder();
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), database.ConnectionString), log);

        // It used to say only "Loading the database into the empty index: 0 of 1 articles", as if the load went on.
        var readiness = await WaitForReadinessAsync(service, (_, text) => text.Contains("last attempt failed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.Status);
        Assert.Contains("does not hold an article", readiness.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Writes_refused_while_a_grant_is_revoked_are_logged_once_and_taken_again_once_it_is_given_back()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var database = await PostgresServer.CreateAsync(log.WriteLine);
        await database.ExecuteAsync("CREATE ROLE writer LOGIN; GRANT CREATE ON SCHEMA public TO writer");
        using var folder = new TempFolder();
        var asWriter = database.ConnectionString.Replace("Username=postgres", "Username=writer", StringComparison.Ordinal);
        await using var service = await ServiceProcess.StartAsync(Options(folder.Combine("index"), asWriter), log);
        await WaitForReadinessAsync(service, (status, _) => status == HttpStatusCode.OK);

        await database.ExecuteAsync("REVOKE INSERT, UPDATE ON articles FROM writer");
        for (var i = 0; i < 5; i++)
        {
            using var refused = await service.Client.PutAsync(new Uri($"/api/articles/refused-{i}", UriKind.Relative), Json("""{"title":"خبر بلا صلاحية"}"""));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("permission denied", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await database.ExecuteAsync("GRANT INSERT, UPDATE ON articles TO writer");
        using (var put = await service.Client.PutAsync(new Uri("/api/articles/granted", UriKind.Relative), Json("""{"title":"خبر بعد إعادة الصلاحية"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // A refusal the operator mends, like an outage: once, not a stack trace at every write it refused.
        Assert.DoesNotContain("changes to PostgreSQL failed", service.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(service.Output, "PostgreSQL cannot take writes"));
        Assert.Contains("PostgreSQL takes writes again", service.Output, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Text)> WaitForReadinessAsync(ServiceProcess service, Func<HttpStatusCode, string, bool> until, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var ready = await service.Client.GetAsync(new Uri("/ready", UriKind.Relative));
            var text = await ready.Content.ReadAsStringAsync();
            if (until(ready.StatusCode, text) || clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(15)))
            {
                return (ready.StatusCode, text);
            }

            await Task.Delay(100);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ServiceOptions Options(string indexPath, string connectionString) => new(indexPath)
    {
        Environment = new Dictionary<string, string>
        {
            ["Search__Store"] = "postgres",
            ["Search__Postgres__ConnectionString"] = connectionString,
        },
    };
}
