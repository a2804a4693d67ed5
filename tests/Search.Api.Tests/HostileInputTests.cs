using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Search.Api.Tests;

/// <summary>Requests built to break the service, each answered as any other request would be.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class HostileInputTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("%EF%BB%BF%EF%BF%BE%2A")] // U+FEFF U+FFFE *: the reported 500
    [InlineData("%EF%BB%BB%EF%BF%BE%2A")] // ﻻ U+FFFE *
    [InlineData("%EF%BF%BE%EF%B7%B2")] // U+FFFE ﷲ
    public async Task APresentationFormNextToANoncharacterIsSearchedWithoutError(string encodedQuery)
    {
        var results = await _client.GetAsync("/api/search?q=" + encodedQuery);

        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
    }

    [Theory]
    [InlineData("/api/search?q=%ED%A0%80", "q")] // a lone surrogate's UTF-8
    [InlineData("/api/search?q=%E6%D2%ED%D1", "q")] // وزير from a windows-1256 form
    [InlineData("/api/search?q=%C0%AF", "q")] // an overlong '/'
    [InlineData("/api/search?q=x&source=%FF", "source")]
    [InlineData("/api/latest?section=%D9", "section")]
    [InlineData("/api/suggest?q=%ED%A0%80", "q")]
    [InlineData("/api/articles/sample-tech-001/related?count=1&x=%C0%AF", "x")]
    public async Task AParameterWhoseEscapesAreNotUtf8IsAValidationProblemNamingIt(string path, string parameter)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal("invalid_parameter", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ThousandsOfParametersThatAreNotUtf8GetAShortProblem()
    {
        var names = string.Join('&', Enumerable.Range(0, 2000).Select(i => $"%ED%A0%80{i}=1"));

        using var response = await _client.GetAsync(new Uri("/api/search?q=x&" + names, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.InRange(problem.GetProperty("errors").EnumerateObject().Count(), 1, 10);
    }

    [Fact]
    public async Task EscapedUtf8AndPlusAsSpaceStillSearch()
    {
        using var response = await _client.GetAsync(new Uri("/api/search?q=%D9%88%D8%B2%D9%8A%D8%B1+%25&pageSize=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/article.html")]
    [InlineData("/search.js")]
    [InlineData("/search.css")]
    [InlineData("/opensearch.xml")]
    [InlineData("/api/latest")]
    [InlineData("/api/latest?size=0")]
    [InlineData("/api/search?q=x")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=x&page=abc")]
    [InlineData("/api/articles/does-not-exist")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var response = await _client.GetAsync(path);

        SecurityHeaderAssertions.AssertPresent(response);
    }

    [Fact]
    public void KestrelIsSetUpForTheLongestQueryAndSendsNoServerHeader()
    {
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
        Assert.True(kestrel.Limits.MaxRequestLineSize >= 64 * 1024);
        Assert.True(kestrel.Limits.MaxRequestHeadersTotalSize >= kestrel.Limits.MaxRequestLineSize + (32 * 1024));
        Assert.True(kestrel.Limits.Http2.MaxRequestHeaderFieldSize >= kestrel.Limits.MaxRequestLineSize);
    }
}
