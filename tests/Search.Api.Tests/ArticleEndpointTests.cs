using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>GET /api/articles/{id}</c> on the sample corpus.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class ArticleEndpointTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task StoredArticleIsReturnedWithAllItsFields()
    {
        using var response = await _client.GetAsync("/api/articles/sample-tech-001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var article = await response.Content.ReadFromJsonAsync<ArticleBody>();
        Assert.NotNull(article);
        Assert.Equal("sample-tech-001", article.Id);
        Assert.Equal("وزير الاتصالات يعلن بدء التشغيل التجاري لشبكات الجيل الخامس 5G في مصر", article.Title);
        Assert.StartsWith("أعلن وزير الاتصالات وتكنولوجيا المعلومات المصري", article.Lead, StringComparison.Ordinal);
        Assert.StartsWith("أعلن وزير الاتصالات وتكنولوجيا المعلومات، خلال مؤتمر صحفي", article.Body, StringComparison.Ordinal);
        Assert.Equal(4, article.Body!.Split('\n').Length);
        Assert.Equal("https://example.com/news/sample-tech-001", article.Url);
        Assert.Equal("الرصد", article.Source);
        Assert.Equal("تكنولوجيا", article.Section);
        Assert.Equal("هاني عبد الملك", article.Author);
        Assert.Equal(["5G", "الجيل الخامس", "وزارة الاتصالات", "مصر"], article.Tags);
        Assert.Equal(new DateTimeOffset(2025, 6, 17, 13, 0, 0, TimeSpan.FromHours(3)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(3), article.PublishedAt!.Value.Offset);
    }

    [Fact]
    public async Task PublishedAtIsWrittenWithItsOriginalOffset()
    {
        using var response = await _client.GetAsync("/api/articles/sample-tech-001");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("2025-06-17T13:00:00+03:00", document.RootElement.GetProperty("publishedAt").GetString());
    }

    [Fact]
    public async Task UnknownIdIsANotFoundProblemNamingTheId()
    {
        using var response = await _client.GetAsync("/api/articles/does-not-exist");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("does-not-exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("article_not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownRouteIsANotFoundProblem()
    {
        using var response = await _client.GetAsync("/api/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryHitCanBeFetchedByItsId()
    {
        var results = await _client.SearchOkAsync("ال*", pageSize: 100);
        Assert.NotEmpty(results.Hits);

        foreach (var hit in results.Hits)
        {
            using var response = await _client.GetAsync("/api/articles/" + Uri.EscapeDataString(hit.Id));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{hit.Id}: {(int)response.StatusCode}");
            var article = await response.Content.ReadFromJsonAsync<ArticleBody>();
            Assert.Equal(hit.Id, article?.Id);
        }
    }

    /// <summary>A feed article of the sample corpus, whose id is its link.</summary>
    private const string UrlId = "https://example.com/ofuq/2024/11/05/jordan-lebanon-committee";

    /// <summary>The id with its slashes encoded (as encodeURIComponent writes it) and as typed.</summary>
    public static TheoryData<string> UrlIdPaths => new() { Uri.EscapeDataString(UrlId), UrlId, "https:%2F%2Fexample.com/ofuq%2F2024/11/05/jordan-lebanon-committee" };

    [Theory]
    [MemberData(nameof(UrlIdPaths))]
    public async Task AnIdHoldingSlashesIsFetchedWithTheSlashesEncodedOrNot(string path)
    {
        using var response = await _client.GetAsync("/api/articles/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UrlId, (await response.Content.ReadFromJsonAsync<ArticleBody>())?.Id);
    }

    [Theory]
    [MemberData(nameof(UrlIdPaths))]
    public async Task AnIdHoldingSlashesHasItsRelatedStories(string path)
    {
        using var response = await _client.GetAsync("/api/articles/" + path + "/related?count=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(UrlId, body.RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain(body.RootElement.GetProperty("hits").EnumerateArray(), hit => hit.GetProperty("id").GetString() == UrlId);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fexample.com%2Fa%2Fb")]
    [InlineData("https://example.com/a/b")]
    public async Task AnUnknownIdHoldingSlashesIsANotFoundProblemNamingItDecoded(string path)
    {
        using var response = await _client.GetAsync("/api/articles/" + path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No article has the id 'https://example.com/a/b'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("https://example.com/a/b/related")]
    [InlineData("https%3A%2F%2Fexample.com%2Fa%2Fb/related")]
    public async Task RelatedStoriesOfAnUnknownIdHoldingSlashesAreANotFoundProblem(string path)
    {
        using var response = await _client.GetAsync("/api/articles/" + path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No article has the id 'https://example.com/a/b'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RelatedOfAnIdHoldingSlashesValidatesItsCount()
    {
        using var response = await _client.GetAsync("/api/articles/" + UrlId + "/related?count=0");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("count", out _));
    }
}
