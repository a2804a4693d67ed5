using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>The OpenAPI document and the health endpoint.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class ServiceDocumentTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task OpenApiDocumentsTheSearchRouteWithItsParametersAndErrors()
    {
        var search = (await GetOperationAsync("/api/search")).GetProperty("get");

        var parameters = search.GetProperty("parameters").EnumerateArray().ToList();
        var documented = parameters.ToDictionary(parameter => parameter.GetProperty("name").GetString()!, parameter => parameter.GetProperty("in").GetString());
        foreach (var name in new[] { "q", "page", "pageSize" })
        {
            Assert.True(documented.TryGetValue(name, out var location), $"{name} is not documented");
            Assert.Equal("query", location);
        }

        var responses = search.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty(ApiClientExtensions.ProblemJson, out _));
    }

    [Fact]
    public async Task OpenApiDocumentsTheArticleRouteWithItsNotFoundAndBadRequest()
    {
        var article = (await GetOperationAsync("/api/articles/{id}")).GetProperty("get");

        Assert.Equal("id", Assert.Single(article.GetProperty("parameters").EnumerateArray()).GetProperty("name").GetString());
        var responses = article.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty(ApiClientExtensions.ProblemJson, out _));

        // A missing id (/api/articles/) and a query string that is not UTF-8 are answered 400.
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty(ApiClientExtensions.ProblemJson, out _));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    public async Task HealthAndReadinessAreJsonWithTheArticleCountOnceTheSampleIsLoaded(string path)
    {
        await app.WarmedAsync();
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("articles").GetInt32() >= 50);
    }

    [Fact]
    public async Task SearchPageIsServedAtTheRoot()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search", "overloaded")]
    [InlineData("/api/latest", "overloaded")]
    [InlineData("/api/suggest", "overloaded")]
    [InlineData("/api/articles/{id}/related", "overloaded")]
    [InlineData("/api/articles/{id}", "index_unavailable")]
    public async Task OpenApiDocumentsThePublicReadsRateLimitAndUnavailableAnswers(string path, string unavailableCode)
    {
        // Searches and related stories are admitted (503 overloaded); every read meets the per-client limit when it is on
        // (429) and a broken index (503 index_unavailable).
        var responses = (await GetOperationAsync(path)).GetProperty("get").GetProperty("responses");

        Assert.Equal("rate_limited", ExampleCode(responses, "429"));
        Assert.Equal(unavailableCode, ExampleCode(responses, "503"));
    }

    [Fact]
    public async Task The_openapi_document_is_built_once_then_served_from_memory_for_each_host()
    {
        using var first = await _client.GetAsync("/openapi/v1.json");
        using var second = await _client.GetAsync("/openapi/v1.json");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json") { Headers = { Host = "news.example" } };
        using var otherHost = await _client.SendAsync(request);

        // Building it took 40-130 ms of CPU a request, outside admission: a flood of it slowed every search.
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("http://news.example/", await otherHost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string? ExampleCode(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty(ApiClientExtensions.ProblemJson).GetProperty("example").GetProperty("code").GetString();

    private async Task<JsonElement> GetOperationAsync(string path)
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var operation), $"{path} is not documented");
        return operation.Clone();
    }
}
