using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>didYouMean</c> on <c>GET /api/search</c>: the whole query corrected for a slipped one, and absent (not
/// null) for a correctly spelt one.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class DidYouMeanEndpointTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("وزير الاتصالاات", "وزير الاتصالات")] // a letter doubled
    [InlineData("وزيرالاتصالات", "وزير الاتصالات")] // two words run together
    [InlineData("+الاتصالاات -مصر", "+الاتصالات -مصر")] // operators kept as typed
    public async Task ASlippedQueryCarriesTheCorrectedQuery(string query, string expected)
    {
        var results = await _client.SearchOkAsync(query);

        Assert.Equal(expected, results.DidYouMean);
    }

    [Fact]
    public async Task TheCorrectedQueryFindsTheStoryAndNeedsNoCorrection()
    {
        var slipped = await _client.SearchOkAsync("وزير الاتصالاات");
        var corrected = await _client.SearchOkAsync(slipped.DidYouMean!);

        Assert.Contains("sample-tech-001", corrected.Ids);
        Assert.Null(corrected.DidYouMean);
    }

    [Theory]
    [InlineData("وزير الاتصالات")]
    [InlineData("الاتصالات")]
    [InlineData("اتصا*")]
    public async Task ACorrectlySpeltQueryHasNoDidYouMeanPropertyAtAll(string query)
    {
        using var response = await _client.SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(document.RootElement.TryGetProperty("didYouMean", out _), "didYouMean must be left out, not null");
    }
}
