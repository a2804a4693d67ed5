using System.Net;

namespace Search.Api.Tests;

/// <summary>A HEAD is answered as the GET it stands for, without the body: monitors and link checkers send HEAD, and
/// minimal APIs had answered every API read with 405.</summary>
public sealed class HeadRequestTests
{
    [Theory]
    [InlineData("/api/search?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/latest", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/articles/sample-health-008", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/articles/does-not-exist", HttpStatusCode.NotFound, "application/problem+json")]
    [InlineData("/api/search?page=0", HttpStatusCode.BadRequest, "application/problem+json")]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK, "application/json")]
    [InlineData("/opensearch.xml", HttpStatusCode.OK, "application/opensearchdescription+xml")]
    [InlineData("/ready", HttpStatusCode.OK, "application/json")]
    [InlineData("/", HttpStatusCode.OK, "text/html")]
    public async Task A_head_gets_the_status_and_type_its_get_gets_and_no_body(string path, HttpStatusCode status, string mediaType)
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();

        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(mediaType, get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_where_no_get_is_mapped_is_refused_as_before()
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/index/_snapshot"));
        using var post = await client.PostAsync("/api/search?q=x", content: null);

        // _snapshot takes POST alone, so its HEAD is a 405 like any other method it does not take; only GETs gain HEAD.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(["POST"], head.Content.Headers.Allow);
        await post.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/health", "DELETE")]
    [InlineData("/health", "POST")]
    [InlineData("/ready", "PUT")]
    [InlineData("/metrics", "POST")]
    public async Task Health_readiness_and_metrics_answer_any_method_but_get_and_head_with_405(string path, string method)
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Api-Key", SearchApiFactory.ApiKey);
        using var response = await client.SendAsync(request);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path) { Headers = { { "X-Api-Key", SearchApiFactory.ApiKey } } });

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
