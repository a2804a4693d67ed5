using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Api.Tests;
using Search.Client.Contracts;

namespace Search.Client.Tests;

/// <summary>How a client is made: over an HttpClient or through IHttpClientFactory, where its requests go, and which of
/// them carry the key.</summary>
public sealed class ClientSetupTests
{
    private const string EmptyResults = """{"query":"x","total":0,"page":1,"pageSize":10,"tookMs":0,"sort":"relevance","hits":[],"nextCursor":null,"facets":null}""";

    [Fact]
    public async Task The_registered_client_reaches_the_service_through_the_http_client_factory()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var services = new ServiceCollection();
        services.AddSearchClient(options =>
        {
            options.BaseAddress = factory.Server.BaseAddress;
            options.ApiKey = SearchApiFactory.ApiKey;
        }).ConfigurePrimaryHttpMessageHandler(() => factory.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ISearchClient>();
        await client.PutArticleAsync(new Article { Id = "story", Title = "افتتاح جسر جديد فوق النهر" }, waitForSearch: true);

        Assert.IsType<SearchClient>(client);
        Assert.Equal("افتتاح جسر جديد فوق النهر", (await client.GetArticleAsync("story")).Title);
        Assert.Equal(["story"], (await client.SearchAsync(new SearchQuery("جسر"))).Hits.Select(hit => hit.Id));
    }

    [Fact]
    public void The_registered_client_asks_for_compressed_answers_and_reads_them()
    {
        var services = new ServiceCollection();
        var name = services.AddSearchClient(options => options.BaseAddress = new Uri("http://search.example/")).Name;
        using var provider = services.BuildServiceProvider();

        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is DelegatingHandler outer)
        {
            handler = outer.InnerHandler;
        }

        var primary = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Brotli, primary.AutomaticDecompression);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ftp://search.example/")]
    public async Task Registering_without_an_http_address_fails_when_the_client_is_first_asked_for(string? address)
    {
        var services = new ServiceCollection();
        services.AddSearchClient(options => options.BaseAddress = address is null ? null : new Uri(address));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISearchClient>());

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_depends_on_neither_the_engine_nor_lucene()
    {
        var references = typeof(SearchClient).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.Contains("System.Net.Http", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Search.", StringComparison.Ordinal) || name.StartsWith("Lucene", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_without_any_address_is_refused_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new SearchClient(new HttpClient()));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/news-search", "https://example.com/news-search/api/search?q=x")]
    [InlineData("https://example.com/news-search/", "https://example.com/news-search/api/search?q=x")]
    [InlineData("http://localhost:5080", "http://localhost:5080/api/search?q=x")]
    public async Task Requests_go_below_the_base_address_path_and_all(string baseAddress, string expected)
    {
        var stub = StubHandler.Json(EmptyResults);

        await stub.Client(baseAddress).SearchAsync(new SearchQuery("x"));

        Assert.Equal([expected], stub.Addresses);
    }

    [Fact]
    public async Task Only_keyed_endpoints_are_sent_the_key()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var recorder = new RecordingHandler();
        var client = new SearchClient(factory.CreateDefaultClient(recorder), new SearchClientOptions { ApiKey = SearchApiFactory.ApiKey });

        await client.PutArticleAsync(new Article { Id = "story", Title = "افتتاح جسر جديد فوق النهر" }, waitForSearch: true);
        await client.BulkWriteAsync([new Article { Id = "other", Title = "مهرجان الشعر في المدينة" }]);
        await client.GetIndexStatsAsync();
        await client.SearchAsync(new SearchQuery("جسر"));
        await client.GetArticleAsync("story");
        await client.GetRelatedAsync("story");
        await client.DeleteArticleAsync("story");

        Assert.Equal(
            [
                ("PUT", SearchApiFactory.ApiKey),
                ("POST", SearchApiFactory.ApiKey),
                ("GET", SearchApiFactory.ApiKey),
                ("GET", null),
                ("GET", null),
                ("GET", null),
                ("DELETE", SearchApiFactory.ApiKey),
            ],
            recorder.Requests.Select(request => (request.Method.Method, request.ApiKey)));
    }
}
