using System.Net;
using Microsoft.Extensions.Options;

namespace Search.Api.Tests;

/// <summary><c>Search:Cors:Origins</c>: CORS for the listed sites on the public reads, GET only, and for no one else.</summary>
public sealed class CrossOriginTests
{
    private const string Allowed = "https://news.example";
    private const string Refused = "https://elsewhere.example";

    public static TheoryData<string> PublicReads => new()
    {
        "/api/search?q=" + Uri.EscapeDataString("وزير"),
        "/api/latest?size=3",
        "/api/suggest?q=" + Uri.EscapeDataString("وز"),
        "/api/articles/sample-tech-001",
        "/api/articles/sample-tech-001/related",
        "/api/articles/https%3A%2F%2Fexample.com%2Fofuq%2F2025%2F03%2F20%2Fgold-prices-gulf",
        "/api/articles/https://example.com/ofuq/2025/03/20/gold-prices-gulf/related",

        // Errors too, so the page's script can show why: a 404, and a 400 written by the exception handler.
        "/api/articles/no-such-story",
        "/api/search?q=x&page=abc",
    };

    [Theory]
    [MemberData(nameof(PublicReads))]
    public async Task An_allowed_origin_may_read_the_public_endpoints_from_a_browser(string path)
    {
        await using var factory = AllowingNewsExample();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Simple(path, Allowed));

        Assert.Equal(Allowed, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Retry-After", Single(response, "Access-Control-Expose-Headers"));
        Assert.DoesNotContain("Access-Control-Allow-Credentials", HeaderNames(response));
    }

    [Fact]
    public async Task An_allowed_origin_s_preflight_for_a_search_is_answered_with_get_only()
    {
        await using var factory = AllowingNewsExample();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("/api/search?q=x", Allowed, "GET"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Single(response, "Access-Control-Allow-Methods"));
        Assert.Equal("3600", Single(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task A_refused_origin_gets_no_cors_headers_on_a_read_or_a_preflight()
    {
        await using var factory = AllowingNewsExample();
        using var client = factory.CreateClient();

        using var read = await client.SendAsync(Simple("/api/search?q=x", Refused));
        using var preflight = await client.SendAsync(Preflight("/api/search?q=x", Refused, "GET"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(CorsHeaders(read));
        Assert.Empty(CorsHeaders(preflight));
    }

    [Theory]
    [InlineData("PUT", "/api/articles/story-1")]
    [InlineData("DELETE", "/api/articles/story-1")]
    [InlineData("POST", "/api/articles/_bulk")]
    [InlineData("GET", "/api/index/stats")]
    [InlineData("POST", "/api/index/_snapshot")]
    [InlineData("POST", "/api/index/_reindex")]
    public async Task Keyed_endpoints_never_allow_a_cross_origin_call_even_from_an_allowed_origin(string method, string path)
    {
        await using var factory = AllowingNewsExample(("Search:ApiKeys:0", SearchApiFactory.ApiKey));
        using var client = factory.CreateClient();

        using var preflight = await client.SendAsync(Preflight(path, Allowed, method, "x-api-key"));
        using var call = new HttpRequestMessage(new HttpMethod(method), path);
        call.Headers.Add("Origin", Allowed);
        using var response = await client.SendAsync(call);

        Assert.Empty(CorsHeaders(preflight));
        Assert.Empty(CorsHeaders(response));
    }

    [Fact]
    public async Task A_public_read_allows_no_method_but_get()
    {
        await using var factory = AllowingNewsExample();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("/api/search?q=x", Allowed, "DELETE"));

        Assert.DoesNotContain("Access-Control-Allow-Origin", HeaderNames(response));
        Assert.DoesNotContain("Access-Control-Allow-Methods", HeaderNames(response));
    }

    [Fact]
    public async Task By_default_no_origin_is_allowed_and_no_cors_header_is_sent()
    {
        await using var factory = new SearchApiFactory();
        using var client = factory.CreateClient();

        using var read = await client.SendAsync(Simple("/api/search?q=x", Allowed));
        using var preflight = await client.SendAsync(Preflight("/api/search?q=x", Allowed, "GET"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(CorsHeaders(read));
        Assert.Empty(CorsHeaders(preflight));
    }

    [Theory]
    [InlineData("*", "wildcards are not allowed")]
    [InlineData("https://*.example", "wildcards are not allowed")]
    [InlineData("https://news.example/", "no path, query or trailing slash")]
    [InlineData("https://news.example/search", "no path, query or trailing slash")]
    [InlineData("news.example", "an http or https address")]
    [InlineData("ftp://news.example", "an http or https address")]
    public void A_value_that_is_not_an_exact_origin_stops_the_service_at_start_with_the_reason(string origin, string reason)
    {
        var failure = StartFailure.Of(() => SearchApiFactory.WithSettings(("Search:Cors:Origins:0", origin)));

        Assert.Contains($"'{origin}'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    private static SearchApiFactory AllowingNewsExample(params (string Key, string? Value)[] settings) =>
        SearchApiFactory.WithSettings([("Search:Cors:Origins:0", Allowed), ("Search:Cors:Origins:1", "http://localhost:3000"), .. settings]);

    private static HttpRequestMessage Simple(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static IEnumerable<string> HeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(header => header.Key);

    private static List<string> CorsHeaders(HttpResponseMessage response) =>
        [.. HeaderNames(response).Where(name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))];

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : []);
}
