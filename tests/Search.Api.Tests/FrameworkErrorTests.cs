using System.Net;
using System.Text;

namespace Search.Api.Tests;

/// <summary>Errors the framework answers before or beside the endpoints carry a code from the one table too, and
/// say nothing of the service's .NET types.</summary>
public sealed class FrameworkErrorTests
{
    [Theory]
    [InlineData("GET", "/api/nonexistent", HttpStatusCode.NotFound, "not_found")]
    [InlineData("GET", "/api/index", HttpStatusCode.NotFound, "not_found")]
    [InlineData("GET", "/openapi/v2.json", HttpStatusCode.NotFound, "not_found")]
    [InlineData("POST", "/api/search?q=x", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("PATCH", "/api/articles/a", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("GET", "/api/articles/sample-health-008/related?count=0", HttpStatusCode.BadRequest, "invalid_parameter")]
    public async Task A_request_no_endpoint_takes_gets_a_problem_with_a_code(string method, string path, HttpStatusCode status, string code)
    {
        await using var factory = SearchApiFactory.WithSampleDataAndWrites();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(code, (await response.AssertProblemAsync(status)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("text/plain", """{"name":"a"}""", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest, "malformed_request")]
    [InlineData("application/json", """{"name":5}""", HttpStatusCode.BadRequest, "malformed_request")]
    public async Task A_body_the_framework_cannot_read_gets_a_problem_with_a_code_and_no_type_names(string contentType, string body, HttpStatusCode status, string code)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

        using var response = await client.PostAsync("/api/index/_snapshot", new StringContent(body, Encoding.UTF8, contentType));

        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("SnapshotRequest", problem.ToString(), StringComparison.Ordinal);
    }
}
