using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Search.Core.Indexing;

namespace Search.Api.Tests;

/// <summary>A request's trace holds the engine's search or write under the request's span, and reaches an OTLP
/// collector when one is named.</summary>
public sealed class TracingTests
{
    private const string Search = "/api/search?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA";

    [Fact]
    public async Task A_search_is_a_span_under_its_request_with_what_it_found_and_not_the_words()
    {
        var spans = new Spans();
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        await using var traced = Tracing(factory, spans);
        using var client = traced.CreateClient();
        var trace = Traced(client);

        using var response = await client.GetAsync(Search);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var search = await SpanAsync(spans, "search", trace);
        var request = await SpanAsync(spans, "GET /api/search", trace);
        Assert.Equal(request.SpanId, search.ParentSpanId);
        Assert.Equal(request.TraceId, search.TraceId);
        Assert.Equal(IndexTracing.SourceName, search.Source.Name);
        Assert.True(Convert.ToInt32(search.GetTagItem("search.total"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(search.GetTagItem("search.match_ms"));
        Assert.Equal(ActivityStatusCode.Unset, search.Status);
        Assert.DoesNotContain(search.TagObjects, tag => tag.Value is string text && text.Contains("الاتصالات", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_waited_for_is_a_span_that_marks_it_durable_applied_and_searchable()
    {
        var spans = new Spans();
        await using var factory = SearchApiFactory.WithWrites();
        await using var traced = Tracing(factory, spans);
        using var client = traced.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);
        var trace = Traced(client);

        using var response = await client.PutAsync(
            "/api/articles/museum?refresh=wait_for",
            new StringContent("""{"title":"افتتاح متحف الفن الحديث"}""", Encoding.UTF8, "application/json"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var write = await SpanAsync(spans, "write", trace);
        Assert.Equal(["durable", "applied", "searchable"], write.Events.Select(step => step.Name));
        Assert.Equal(1, write.GetTagItem("search.write.changes"));
        Assert.Equal((await SpanAsync(spans, "PUT /api/articles/{**id}", trace)).SpanId, write.ParentSpanId);
    }

    [Fact]
    public async Task Spans_reach_the_collector_named_in_OTEL_EXPORTER_OTLP_ENDPOINT()
    {
        await using var collector = await LoopbackSite.StartAsync();
        var exports = new ConcurrentQueue<byte[]>();
        collector.Serve("/v1/traces", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            exports.Enqueue(body.ToArray());
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await using var factory = SearchApiFactory.WithSettings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url("/")),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Search);

        // The sample articles' writes at start go out first; the search's span in a later export.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clock = Stopwatch.StartNew();
        while (!Exported(exports).Contains("search.total", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{exports.Count} exports, none with the search span");
            await Task.Delay(50);
        }

        // OTLP's protobuf writes names as plain UTF-8: the engine's source and the service's name are in the export.
        Assert.Contains(IndexTracing.SourceName, Exported(exports), StringComparison.Ordinal);
        Assert.Contains("search-api", Exported(exports), StringComparison.Ordinal);
    }

    private static string Exported(ConcurrentQueue<byte[]> exports) => string.Concat(exports.Select(Encoding.UTF8.GetString));

    /// <summary>The service with its spans (the requests' and the engine's) kept in <paramref name="spans"/>.</summary>
    private static WebApplicationFactory<Program> Tracing(SearchApiFactory factory, Spans spans) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddSource(IndexTracing.SourceName)
            .AddInMemoryExporter(spans))));

    /// <summary>Makes the client's requests part of a trace of their own (W3C <c>traceparent</c>), so that the test
    /// finds its spans among those of the tests running beside it: listeners are process-wide.</summary>
    private static ActivityTraceId Traced(HttpClient client)
    {
        var trace = ActivityTraceId.CreateRandom();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return trace;
    }

    /// <summary>The span of that name in the trace once it has ended: the request's ends a little after its answer is read.</summary>
    private static async Task<Activity> SpanAsync(Spans spans, string name, ActivityTraceId trace)
    {
        var clock = Stopwatch.StartNew();
        Activity? span;
        while ((span = spans.Named(name, trace)) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"no span {name} among {string.Join(", ", spans.Names())}");
            await Task.Delay(20);
        }

        return span;
    }

    /// <summary>Ended spans, added by the exporter on the threads that end them and read by the test.</summary>
    private sealed class Spans : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _lock = new();

        public Activity? Named(string name, ActivityTraceId trace)
        {
            lock (_lock)
            {
                return this.FirstOrDefault(span => span.DisplayName == name && span.TraceId == trace);
            }
        }

        public List<string> Names()
        {
            lock (_lock)
            {
                return [.. this.Select(span => span.DisplayName)];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
