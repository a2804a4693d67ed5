using System.Net;
using System.Text.Json;
using Search.Indexer.Push;

namespace Search.Indexer.Tests;

/// <summary><c>index --url</c> against the real service, in process.</summary>
public sealed class PushCommandTests : TestFolder
{
    [Fact]
    public async Task Every_valid_article_lands_and_local_and_service_refusals_are_reported_with_file_and_line()
    {
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:Writes:MaxArticleBytes", "1024"));
        var mixed = Write(
            "mixed.jsonl",
            Record("m-1", "وزير الاتصالات يفتتح معرضا"),
            "{not json",
            Record("m-3", "خبر طويل جدا", body: string.Concat(Enumerable.Repeat("كلمة ", 400))),
            "",
            Record("m-5", "البنك المركزي يثبت أسعار الفائدة"),
            """{"id":"m-6"}""");
        var more = Write("more/more.jsonl", Record("n-1", "ارتفاع أسعار الذهب"), Record("n-2", "افتتاح معرض الكتاب"), Record("n-3", "مباراة القمة"));

        var (exit, output, error) = await Cli.RunAsync(
            service.Connection, "index", mixed, Folder("more"), "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--batch-size", "2", "--wait");

        Assert.True(exit == 2, error);
        Assert.Contains($"{mixed}:2: invalid JSON", error, StringComparison.Ordinal);
        Assert.Contains($"{mixed}:3: refused by the service: the line is larger than 1,024 bytes", error, StringComparison.Ordinal);
        Assert.Contains($"{mixed}:6: missing required field 'title'", error, StringComparison.Ordinal);
        Assert.Contains("Sent 5 articles, skipped 3 (1 refused by the service)", output, StringComparison.Ordinal);

        using var client = service.CreateClient();
        foreach (var id in new[] { "m-1", "m-5", "n-1", "n-2", "n-3" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/m-3")).StatusCode);

        // --wait: searches see the whole push as soon as the command returns.
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=أسعار"));
        Assert.Equal(2, search.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_article_larger_than_the_batch_limit_is_reported_not_sent_and_the_rest_goes_on()
    {
        // A service that refuses such a request as a whole, as a real one does (or cuts it off while it arrives).
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:Writes:MaxBulkBytes", "1048576"));
        var input = Write(
            "big.jsonl",
            Record("b-1", "ملف ضخم", body: string.Concat(Enumerable.Repeat("word ", 250_000))),
            Record("b-2", "خبر صغير"),
            Record("b-3", "خبر آخر"),
            Record("b-4", "خبر ثالث"));

        var (exit, output, error) = await Cli.RunAsync(
            service.Connection, "index", input, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--batch-mb", "1", "--concurrency", "1");

        Assert.True(exit == 2, error);
        Assert.Contains($"{input}:1: the article is larger than 1 MB, not sent", error, StringComparison.Ordinal);
        Assert.Contains("Sent 3 articles, skipped 1", output, StringComparison.Ordinal);
        using var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/articles/b-1")).StatusCode);
        foreach (var id in new[] { "b-2", "b-3", "b-4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_bulk_request_refused_as_too_large_is_reported_against_each_of_its_records_and_the_rest_goes_on()
    {
        await using var service = new ServiceFactory(Folder("index"), settings: ("Search:Writes:MaxBulkBytes", "2048"));
        var input = Write(
            "mixed.jsonl",
            Record("r-1", "خبر صغير"),
            Record("r-2", "خبر طويل", body: string.Concat(Enumerable.Repeat("word ", 600))),
            Record("r-3", "خبر آخر"),
            Record("r-4", "خبر ثالث"));

        var (exit, output, error) = await Cli.RunAsync(
            service.Connection, "index", input, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--batch-size", "2", "--concurrency", "1");

        Assert.True(exit == 2, error);
        Assert.Contains($"{input}:1: refused by the service: its bulk request was too large (413", error, StringComparison.Ordinal);
        Assert.Contains($"{input}:2: refused by the service: its bulk request was too large (413", error, StringComparison.Ordinal);
        Assert.Contains("Search:Writes:MaxBulkBytes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
        Assert.Contains("Sent 2 articles, skipped 2 (2 refused by the service)", output, StringComparison.Ordinal);
        using var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/r-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/r-4")).StatusCode);
    }

    [Fact]
    public async Task An_id_sent_twice_keeps_its_later_version_though_batches_fly_at_once()
    {
        await using var service = new ServiceFactory(Folder("index"));
        var lines = new List<string> { Record("dup", "النسخة الأولى") };
        lines.AddRange(Enumerable.Range(1, 6).Select(i => Record($"x-{i}", $"خبر رقم {i}")));
        lines.Add(Record("dup", "النسخة الثانية"));
        var input = Write("dup.jsonl", [.. lines]);

        var (exit, _, error) = await Cli.RunAsync(
            service.Connection, "index", input, "--url", ServiceFactory.Url, "--api-key", ServiceFactory.ApiKey, "--batch-size", "1", "--concurrency", "8");

        Assert.True(exit == 0, error);
        using var client = service.CreateClient();
        using var article = JsonDocument.Parse(await client.GetStringAsync("/api/articles/dup"));
        Assert.Equal("النسخة الثانية", article.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_wrong_key_fails_with_the_services_explanation()
    {
        await using var service = new ServiceFactory(Folder("index"));
        var input = Write("a.jsonl", Record("k-1", "خبر"));

        var (exit, _, error) = await Cli.RunAsync(service.Connection, "index", input, "--url", ServiceFactory.Url, "--api-key", "wrong");

        Assert.Equal(1, exit);
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Contains("does not hold a configured key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_writes_turned_off_fails_saying_how_to_turn_them_on()
    {
        await using var service = new ServiceFactory(Folder("index"), writesOn: false);
        var input = Write("a.jsonl", Record("w-1", "خبر"));

        var (exit, _, error) = await Cli.RunAsync(service.Connection, "index", input, "--url", ServiceFactory.Url, "--api-key", "any");

        Assert.Equal(1, exit);
        Assert.Contains("403", error, StringComparison.Ordinal);
        Assert.Contains("Writes are turned off", error, StringComparison.Ordinal);
        Assert.Contains("Search:ApiKeys", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_may_come_from_the_environment()
    {
        await using var service = new ServiceFactory(Folder("index"));
        var input = Write("a.jsonl", Record("e-1", "خبر"));
        Environment.SetEnvironmentVariable("SEARCH_API_KEY", ServiceFactory.ApiKey);
        try
        {
            var (exit, _, error) = await Cli.RunAsync(service.Connection, "index", input, "--url", ServiceFactory.Url);

            Assert.True(exit == 0, error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEARCH_API_KEY", null);
        }
    }

    [Fact]
    public async Task An_unreachable_service_is_retried_then_fails()
    {
        using var handler = new UnreachableHandler();
        var input = Write("a.jsonl", Record("u-1", "خبر"));

        var (exit, _, error) = await Cli.RunAsync(
            new ServiceConnection(handler, [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)]),
            "index", input, "--url", "http://127.0.0.1:9", "--api-key", "k");

        Assert.Equal(1, exit);
        Assert.Contains("cannot reach the service at http://127.0.0.1:9/", error, StringComparison.Ordinal);
        Assert.Equal(3, handler.Attempts);
    }

    [Theory]
    [InlineData("exclude each other", "--index", "idx", "--url", "http://localhost")]
    [InlineData("Give --index or --url", "--threads", "2")]
    [InlineData("--batch-size applies only with --url", "--index", "idx", "--batch-size", "10")]
    [InlineData("--threads applies only with --index", "--url", "http://localhost", "--threads", "2")]
    [InlineData("--url must be an http", "--url", "localhost:5080")]
    public async Task Either_an_index_folder_or_a_service_url_is_required_with_the_options_of_that_mode(string message, params string[] options)
    {
        var input = Write("a.jsonl", Record("o-1", "خبر"));

        var (exit, output, error) = await Cli.RunAsync(null, ["index", input, .. options]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
    }

    /// <summary>A transport whose every request fails as a refused connection does.</summary>
    private sealed class UnreachableHandler : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
        }
    }
}
