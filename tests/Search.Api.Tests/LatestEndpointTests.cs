using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>GET /api/latest</c>: the home page's newest stories, and the sources and sections of the whole index.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class LatestEndpointTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task TheNewestStoriesComeFirstLikeABrowseOfEverySourceWithEscapedTitlesAndNoSnippets()
    {
        var latest = await LatestAsync("/api/latest");

        Assert.Equal(20, latest.Hits.Count);
        var dates = latest.Hits.Select(hit => hit.PublishedAt!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(latest.Hits, hit =>
        {
            Assert.Equal(WebUtility.HtmlEncode(hit.Title), hit.Highlights.Title);
            Assert.Empty(hit.Highlights.Snippets);
        });

        // The same stories as the search page's browse of every outlet, newest first with copies collapsed.
        var everySource = string.Concat(latest.Sources.Select(source => "&source=" + Uri.EscapeDataString(source.Value)));
        var browse = await _client.GetFromJsonAsync<NavigationResultsBody>("/api/search?pageSize=20" + everySource);
        Assert.Equal(browse!.Ids, latest.Hits.Select(hit => hit.Id));
        Assert.Equal(browse.Hits.Select(hit => hit.Duplicates), latest.Hits.Select(hit => hit.Duplicates));
    }

    [Fact]
    public async Task SourcesAndSectionsCountTheWholeIndexMostFirstWhateverTheFilter()
    {
        var latest = await LatestAsync("/api/latest");
        using var health = JsonDocument.Parse(await _client.GetStringAsync("/health"));

        Assert.InRange(latest.Sources.Count, 2, 20);
        Assert.InRange(latest.Sections.Count, 2, 20);
        Assert.Equal(health.RootElement.GetProperty("articles").GetInt32(), latest.Sources.Sum(source => source.Count));
        Assert.Equal(latest.Sources.Select(source => source.Count).OrderDescending(), latest.Sources.Select(source => source.Count));
        Assert.Equal(latest.Sections.Select(section => section.Count).OrderDescending(), latest.Sections.Select(section => section.Count));
        foreach (var section in latest.Sections)
        {
            var browse = await _client.GetFromJsonAsync<NavigationResultsBody>("/api/search?section=" + Uri.EscapeDataString(section.Value));
            Assert.Equal(section.Count, browse!.Total);
        }

        var filtered = await LatestAsync("/api/latest?source=" + Uri.EscapeDataString(latest.Sources[^1].Value));
        Assert.Equal(latest.Sources, filtered.Sources);
        Assert.Equal(latest.Sections, filtered.Sections);
    }

    [Fact]
    public async Task SizeSourcesAndSectionsNarrowTheStories()
    {
        Assert.Equal(3, (await LatestAsync("/api/latest?size=3")).Hits.Count);

        const string economy = "اقتصاد";
        var sections = await LatestAsync($"/api/latest?size=100&section={Uri.EscapeDataString(economy)}&section=");
        Assert.NotEmpty(sections.Hits);
        Assert.All(sections.Hits, hit => Assert.Equal(economy, hit.Section));
        var browse = await _client.GetFromJsonAsync<NavigationResultsBody>($"/api/search?pageSize=100&section={Uri.EscapeDataString(economy)}");
        Assert.Equal(browse!.Ids, sections.Hits.Select(hit => hit.Id));

        var all = await LatestAsync("/api/latest");
        var two = all.Sources.Take(2).Select(source => source.Value).ToList();
        var sources = await LatestAsync($"/api/latest?size=100&source={Uri.EscapeDataString(two[0])}&source={Uri.EscapeDataString(two[1])}");
        Assert.Equal(two.Order(StringComparer.Ordinal), sources.Hits.Select(hit => hit.Source!).Distinct().Order(StringComparer.Ordinal));

        var nothing = await LatestAsync("/api/latest?source=" + Uri.EscapeDataString("مصدر لا وجود له"));
        Assert.Empty(nothing.Hits);
        Assert.Equal(all.Sources, nothing.Sources);
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=101", "size")]
    [InlineData("size=-5", "size")]
    [InlineData("size=abc", "size")]
    public async Task ABadSizeIsA400NamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync("/api/latest?" + query);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.StartsWith("invalid_", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("section")]
    public async Task MoreThanAHundredValuesOfAFilterIsA400NamingIt(string parameter)
    {
        var values = string.Concat(Enumerable.Range(0, 101).Select(i => $"&{parameter}=v{i}"));

        using var response = await _client.GetAsync("/api/latest?size=5" + values);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_search_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task SearchWithNeitherWordsNorFiltersStaysA400()
    {
        using var response = await _client.GetAsync("/api/search?q=");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task OpenApiDocumentsTheRouteWithItsParametersAndA400()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var latest = document.RootElement.GetProperty("paths").GetProperty("/api/latest").GetProperty("get");

        var names = latest.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToList();
        Assert.Equal(["size", "source", "section"], names);
        Assert.Equal("LatestArticles", latest.GetProperty("operationId").GetString());
        var example = latest.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty(ApiClientExtensions.ProblemJson).GetProperty("example");
        Assert.Equal("invalid_search_request", example.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnEmptyIndexHasNoStoriesAndNothingToBrowse()
    {
        await using var empty = SearchApiFactory.WithoutSampleData();
        using var client = empty.CreateClient();

        using var response = await client.GetAsync("/api/latest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latest = await response.Content.ReadFromJsonAsync<LatestBody>();
        Assert.Empty(latest!.Hits);
        Assert.Empty(latest.Sources);
        Assert.Empty(latest.Sections);
    }

    private async Task<LatestBody> LatestAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LatestBody>())!;
    }
}
