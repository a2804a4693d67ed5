using System.Net;
using System.Text;
using Search.Api.Tests;
using Search.Client.Contracts;
using Search.Client.Errors;

namespace Search.Client.Tests;

/// <summary>Every error the service answers with becomes the typed exception for its status, with its problem details.</summary>
public sealed class ErrorTests
{
    private static readonly Article Story = new() { Id = "story", Title = "خبر قصير عن الطقس" };

    [Theory]
    [InlineData(null, "api_key_required")]
    [InlineData("wrong-key", "invalid_api_key")]
    public async Task A_missing_or_wrong_key_is_an_unauthorized_exception(string? key, string code)
    {
        await using var factory = SearchApiFactory.WithWrites();
        var client = ServiceClients.ClientOf(factory, key);

        var put = await Assert.ThrowsAsync<SearchUnauthorizedException>(() => client.PutArticleAsync(Story));
        var stats = await Assert.ThrowsAsync<SearchUnauthorizedException>(() => client.GetIndexStatsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, put.Status);
        Assert.Equal(code, put.Code);
        Assert.Contains("X-Api-Key", put.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(put.TraceId));
        Assert.Equal(code, stats.Code);
    }

    [Fact]
    public async Task Writes_to_a_service_without_keys_are_a_forbidden_exception()
    {
        await using var factory = SearchApiFactory.WithoutSampleData();
        var client = ServiceClients.ClientOf(factory, "any-key");

        var error = await Assert.ThrowsAsync<SearchForbiddenException>(() => client.BulkWriteAsync([Story]));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("writes_disabled", error.Code);
        Assert.Contains("Search:ApiKeys", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_an_unavailable_exception_with_retry_after()
    {
        await using var factory = SearchApiFactory.WithWrites(("Search:Admission:RequestsPerSecondPerClient", "1"));
        var client = ServiceClients.ClientOf(factory);

        // A bucket of two requests a client, refilled by one a second: a quick run of requests soon empties it.
        var error = await Assert.ThrowsAsync<SearchUnavailableException>(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await client.SearchAsync(new SearchQuery("طقس"));
            }
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal("rate_limited", error.Code);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Fact]
    public async Task An_index_that_cannot_be_opened_is_an_unavailable_exception()
    {
        await using var factory = SearchApiFactory.WithWrites();
        Directory.CreateDirectory(factory.IndexPath);
        await File.WriteAllBytesAsync(Path.Combine(factory.IndexPath, "segments_1"), Encoding.ASCII.GetBytes("not a lucene commit"));
        await File.WriteAllTextAsync(Path.Combine(factory.IndexPath, "segments.gen"), "garbage");
        var client = ServiceClients.ClientOf(factory);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => client.SearchAsync(new SearchQuery("طقس")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal("index_unavailable", error.Code);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task An_error_no_subclass_names_is_the_base_exception_with_its_code()
    {
        await using var factory = SearchApiFactory.WithWrites(("Search:Writes:MaxArticleBytes", "2048"));
        var client = ServiceClients.WriterOf(factory);

        var error = await Assert.ThrowsAsync<SearchApiException>(() => client.PutArticleAsync(Story with { Body = new string('ب', 2000) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.Status);
        Assert.Equal("payload_too_large", error.Code);
        Assert.Contains("2,048", error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("413 payload_too_large: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_page_without_problem_details_is_read_from_its_status_line()
    {
        var client = new StubHandler(HttpStatusCode.BadGateway, "<html><body>upstream down</body></html>", "text/html").Client();

        var error = await Assert.ThrowsAsync<SearchApiException>(() => client.GetArticleAsync("story"));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Null(error.Code);
        Assert.Equal("Bad Gateway", error.Title);
        Assert.Null(error.TraceId);
    }

    [Fact]
    public async Task A_success_whose_body_is_not_the_contract_is_an_exception_not_a_null()
    {
        var client = StubHandler.Json("""{"hits": "not a list"}""").Client();

        var error = await Assert.ThrowsAsync<SearchApiException>(() => client.SearchAsync(new SearchQuery("طقس")));

        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"query":"طقس","total":1,"page":1,"pageSize":10,"tookMs":1,"sort":"relevance","hits":null,"nextCursor":null,"facets":null}""")]
    public async Task A_success_missing_a_list_of_the_contract_is_an_exception_not_a_null_list(string json)
    {
        var client = StubHandler.Json(json).Client();

        var error = await Assert.ThrowsAsync<SearchApiException>(() => client.SearchAsync(new SearchQuery("طقس")));
        Assert.Equal(HttpStatusCode.OK, error.Status);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);

        // Paging every hit stops with the same exception, never a NullReferenceException from inside the client.
        await Assert.ThrowsAsync<SearchApiException>(async () =>
        {
            await foreach (var hit in client.SearchAllAsync(new SearchQuery("طقس")))
            {
                Assert.NotNull(hit);
            }
        });
        await Assert.ThrowsAsync<SearchApiException>(() => StubHandler.Json("{}").Client().SuggestAsync("طق"));
    }
}
