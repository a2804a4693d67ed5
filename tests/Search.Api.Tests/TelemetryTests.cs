using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_are_scraped_in_prometheus_text_with_requests_by_route_searches_by_outcome_and_index_gauges()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);
        using var put = await client.PutAsync("/api/articles/museum?refresh=wait_for", new StringContent("""{"title":"افتتاح متحف الفن الحديث"}""", System.Text.Encoding.UTF8, "application/json"));
        put.EnsureSuccessStatusCode();
        await client.SearchOkAsync("متحف");
        await client.SearchOkAsync("غواصة");
        (await client.GetAsync("/api/search?pageSize=0&q=x")).Dispose();

        // The exporter caches a scrape briefly; the gauges and counters above must appear within a few scrapes.
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("outcome=\"invalid\"", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 200);
            using var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }

        // Meters are process-wide and the tests run side by side: the series must be there, their values may include
        // other tests' searches.
        Assert.Contains("search_requests_total{otel_scope_name=\"Search.Api\",outcome=\"hits\"}", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"zero_results\"}", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"invalid\"}", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/search\"", text, StringComparison.Ordinal);
        Assert.Contains("search_index_documents{otel_scope_name=\"Search.Api\"}", text, StringComparison.Ordinal);
        Assert.Contains("search_admission_queued", text, StringComparison.Ordinal);
        Assert.Contains("search_index_refresh_duration_seconds_count", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized, "api_key_required")]
    [InlineData("X-Api-Key", "wrong-key", HttpStatusCode.Unauthorized, "invalid_api_key")]
    [InlineData("X-Api-Key", SearchApiFactory.ApiKey, HttpStatusCode.OK, null)]
    [InlineData("Authorization", "Bearer " + SearchApiFactory.ApiKey, HttpStatusCode.OK, null)]
    public async Task With_keys_configured_metrics_answer_only_a_request_holding_one(string? header, string? value, HttpStatusCode expected, string? code)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await client.SendAsync(request);

        if (code is null)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            var problem = await response.AssertProblemAsync(expected);
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Without_keys_metrics_are_open_like_everything_else()
    {
        await using var factory = SearchApiFactory.WithoutSampleData();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_search_slower_than_the_threshold_is_logged_with_its_time_in_parts()
    {
        var logs = new CapturedLogs();
        await using var factory = new SearchApiFactory();
        await using var logged = LoggingEverySearch(factory, logs);
        using var client = logged.CreateClient();

        await client.SearchOkAsync("الاتصالات");

        var line = Assert.Single(logs.Lines, line => line.StartsWith("Slow search", StringComparison.Ordinal));
        Assert.Contains("matching", line, StringComparison.Ordinal);
        Assert.Contains("q=الاتصالات", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_in_a_slow_query_is_logged_escaped_and_starts_no_line()
    {
        var logs = new CapturedLogs();
        await using var factory = new SearchApiFactory();
        await using var logged = LoggingEverySearch(factory, logs);
        using var client = logged.CreateClient();

        await client.SearchOkAsync("الاتصالات\r\nfail: forged entry\u2028");

        var line = Assert.Single(logs.Lines, line => line.StartsWith("Slow search", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u2028', line);
        Assert.Contains("q=الاتصالات\\u000D\\u000Afail: forged entry\\u2028,", line, StringComparison.Ordinal);
    }

    /// <summary>The service with every search counted as slow, its telemetry's log lines captured.</summary>
    private static WebApplicationFactory<Program> LoggingEverySearch(SearchApiFactory factory, CapturedLogs logs) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Search:SlowQueryMs", "0");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
        });

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName.EndsWith("SearchTelemetry", StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
