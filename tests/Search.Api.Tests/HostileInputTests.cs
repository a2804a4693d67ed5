using System.Net;

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
}
