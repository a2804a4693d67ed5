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
