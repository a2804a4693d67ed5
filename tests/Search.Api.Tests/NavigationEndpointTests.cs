using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Api.Tests;

/// <summary><c>GET /api/search</c> filters, sort, facets, cursor and collapsed copies, and related stories, on the sample corpus.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed partial class NavigationEndpointTests(SearchApiFactory app)
{
    private const string Sports = "رياضة";
    private const string Economy = "اقتصاد";
    private const string Digital = "النهار الرقمي";
    private const string Gulf = "أخبار الخليج اليوم";

    private static readonly string[] SampleSections = ["سياسة", "اقتصاد", "رياضة", "تكنولوجيا", "ثقافة", "صحة"];

    private readonly HttpClient _client = app.CreateClient();

    private static string Param(string name, string value) => name + "=" + Uri.EscapeDataString(value);

    private async Task<NavigationResultsBody> SearchOkAsync(string queryString)
    {
        using var response = await _client.GetAsync("/api/search?" + queryString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{queryString}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<NavigationResultsBody>(text, JsonSerializerOptions.Web);
        Assert.NotNull(body);
        return body;
    }

    private async Task<JsonElement> SearchJsonAsync(string queryString)
    {
        using var response = await _client.GetAsync("/api/search?" + queryString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a 400 validation problem with a message under <paramref name="parameter"/> and the given code.</summary>
    private async Task<JsonElement> AssertInvalidAsync(string url, string parameter, string code = "invalid_search_request")
    {
        using var response = await _client.GetAsync(url);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"no errors.{parameter} in {problem}");
        Assert.Contains(messages.EnumerateArray(), message => !string.IsNullOrWhiteSpace(message.GetString()));
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Follows nextCursor through after= from the first page until it is null.</summary>
    private async Task<List<NavigationResultsBody>> WalkAsync(string queryString)
    {
        var pages = new List<NavigationResultsBody> { await SearchOkAsync(queryString) };
        while (pages[^1].NextCursor is { } cursor)
        {
            Assert.True(pages.Count < 100, "the cursor never runs out");
            pages.Add(await SearchOkAsync(queryString + "&" + Param("after", cursor)));
        }

        return pages;
    }

    private static void AssertNewestFirst(IReadOnlyList<NavigationHitBody> hits)
    {
        for (var i = 1; i < hits.Count; i++)
        {
            var (before, after) = (hits[i - 1].PublishedAt, hits[i].PublishedAt);
            Assert.True(after is null || before >= after, $"{hits[i - 1].Id} ({before}) comes before {hits[i].Id} ({after})");
        }
    }

    [Fact]
    public async Task BrowsingASectionListsItNewestFirst()
    {
        var results = await SearchOkAsync(Param("section", Sports) + "&pageSize=100");

        Assert.Null(results.Query);
        Assert.Equal("newest", results.Sort);
        Assert.Equal(results.Total, results.Hits.Count);
        Assert.All(results.Hits, hit => Assert.Equal(Sports, hit.Section));
        Assert.Subset(results.Ids.ToHashSet(), Enumerable.Range(1, 8).Select(i => $"sample-sports-00{i}").ToHashSet());
        AssertNewestFirst(results.Hits);
        Assert.Equal("sample-sports-007", results.Hits[0].Id);
        Assert.Equal("sample-sports-001", results.Hits[^1].Id);
    }

    [Fact]
    public async Task SortIsReportedAndCanBeOldestFirst()
    {
        var relevance = await SearchOkAsync("q=" + Uri.EscapeDataString("الاتصالات"));
        var oldest = await SearchOkAsync(Param("section", Sports) + "&sort=oldest&pageSize=100");
        var upper = await SearchOkAsync(Param("section", Sports) + "&sort=OLDEST&pageSize=100");

        Assert.Equal("relevance", relevance.Sort);
        Assert.Equal("oldest", oldest.Sort);
        Assert.Equal("sample-sports-001", oldest.Hits[0].Id);
        AssertNewestFirst([.. oldest.Hits.Reverse()]);
        Assert.Equal(oldest.Ids, upper.Ids);
    }

    [Fact]
    public async Task RepeatedSourcesAreAUnion()
    {
        var digital = await SearchOkAsync(Param("source", Digital) + "&collapse=false&pageSize=100");
        var gulf = await SearchOkAsync(Param("source", Gulf) + "&collapse=false&pageSize=100");
        var both = await SearchOkAsync(Param("source", Digital) + "&" + Param("source", Gulf) + "&collapse=false&pageSize=100");

        Assert.NotEmpty(digital.Hits);
        Assert.NotEmpty(gulf.Hits);
        Assert.All(digital.Hits, hit => Assert.Equal(Digital, hit.Source));
        Assert.Equal(digital.Total + gulf.Total, both.Total);
        Assert.Equal(digital.Ids.Union(gulf.Ids).Order(StringComparer.Ordinal), both.Ids.Order(StringComparer.Ordinal));
        Assert.All(both.Hits, hit => Assert.Contains(hit.Source, new[] { Digital, Gulf }));
        AssertNewestFirst(both.Hits);
    }

    [Fact]
    public async Task SourceAndSectionMustBothHold()
    {
        var results = await SearchOkAsync(Param("source", Gulf) + "&" + Param("section", Sports) + "&" + Param("section", Economy) + "&pageSize=100");

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit => Assert.Equal(Gulf, hit.Source));
        Assert.All(results.Hits, hit => Assert.Contains(hit.Section, new[] { Sports, Economy }));
        Assert.Contains(results.Hits, hit => hit.Section == Sports);
        Assert.Contains(results.Hits, hit => hit.Section == Economy);
    }

    [Fact]
    public async Task TagFilterCombinesWithAQuery()
    {
        var results = await SearchOkAsync("q=" + Uri.EscapeDataString("الذكاء") + "&" + Param("tag", "السعودية") + "&pageSize=100");
        var untagged = await SearchOkAsync("q=" + Uri.EscapeDataString("الذكاء") + "&pageSize=100");

        Assert.Equal(["sample-health-008", "sample-tech-004"], results.Ids.Order(StringComparer.Ordinal));
        Assert.True(untagged.Total > results.Total);
        Assert.Equal("relevance", results.Sort);
    }

    [Fact]
    public async Task AnUnknownSourceFindsNothing()
    {
        var results = await SearchOkAsync(Param("source", "وكالة لا وجود لها"));

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.Null(results.NextCursor);
    }

    [Fact]
    public async Task DateRangeKeepsEveryArticlePublishedWithinIt()
    {
        var from = DateTimeOffset.Parse("2025-01-01", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse("2025-12-31", CultureInfo.InvariantCulture);

        var results = await SearchOkAsync("from=2025-01-01&to=2025-12-31&collapse=false&pageSize=100");
        var everything = await SearchOkAsync("from=1900-01-01&collapse=false&pageSize=100");

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit => Assert.InRange(hit.PublishedAt!.Value, from, to));
        var expected = everything.Hits.Where(hit => hit.PublishedAt >= from && hit.PublishedAt <= to).Select(hit => hit.Id);
        Assert.Equal(expected, results.Ids);
        Assert.True(results.Total < everything.Total);
    }

    [Fact]
    public async Task DateBoundsHonourTheirOffset()
    {
        // sample-politics-004 was published at 21:15 on 3 December 2024 at +03:00, 18:15 UTC.
        var at = await SearchOkAsync(Param("from", "2024-12-03T21:15:00+03:00") + "&" + Param("to", "2024-12-03T18:15:00Z"));
        var justAfter = await SearchOkAsync(Param("from", "2024-12-03T18:15:01Z") + "&" + Param("to", "2024-12-03T23:59:59Z"));

        Assert.Equal(["sample-politics-004"], at.Ids);
        Assert.DoesNotContain("sample-politics-004", justAfter.Ids);
    }

    [Theory]
    [InlineData("q=x&sort=bogus", "sort")]
    [InlineData("q=x&sort=1", "sort")]
    [InlineData("from=2025-01-01&to=2024-01-01", "to")]
    [InlineData("q=", "q")]
    [InlineData("", "q")]
    [InlineData("sort=newest", "q")]
    [InlineData("q=x&recencyHalfLifeDays=0", "recencyHalfLifeDays")]
    [InlineData("q=x&recencyHalfLifeDays=-1", "recencyHalfLifeDays")]
    [InlineData("q=x&recencyHalfLifeDays=36501", "recencyHalfLifeDays")]
    [InlineData("q=x&recencyHalfLifeDays=NaN", "recencyHalfLifeDays")]
    [InlineData("q=x&sort=newest&recencyHalfLifeDays=30", "recencyHalfLifeDays")]
    [InlineData("from=2024-01-01&recencyHalfLifeDays=30", "recencyHalfLifeDays")]
    [InlineData("q=x&after=garbage", "after")]
    public async Task InvalidNavigationParameterIsAValidationProblemNamingIt(string queryString, string parameter)
    {
        await AssertInvalidAsync("/api/search?" + queryString, parameter);
    }

    [Theory]
    [InlineData("from=notadate", "from")]
    [InlineData("q=x&to=31-31-2024", "to")]
    [InlineData("q=x&facets=maybe", "facets")]
    [InlineData("q=x&collapse=2", "collapse")]
    [InlineData("q=x&recencyHalfLifeDays=soon", "recencyHalfLifeDays")]
    public async Task UnparsableNavigationParameterIsAnInvalidParameterProblem(string queryString, string parameter)
    {
        await AssertInvalidAsync("/api/search?" + queryString, parameter, "invalid_parameter");
    }

    [Fact]
    public async Task RecencyBoostIsAcceptedWithAQuery()
    {
        var results = await SearchOkAsync("q=" + Uri.EscapeDataString("الاتصالات") + "&recencyHalfLifeDays=30");

        Assert.Equal("relevance", results.Sort);
        Assert.NotEmpty(results.Hits);
    }

    [Fact]
    public async Task FacetsCountSourcesSectionsAndMonthsOverAllMatches()
    {
        var root = await SearchJsonAsync(Param("section", Economy) + "&pageSize=2");

        var total = root.GetProperty("total").GetInt32();
        Assert.True(total > 2);
        Assert.Equal(2, root.GetProperty("hits").GetArrayLength());
        var facets = root.GetProperty("facets");
        foreach (var name in new[] { "source", "section", "month" })
        {
            var values = facets.GetProperty(name).EnumerateArray().ToList();
            Assert.NotEmpty(values);
            Assert.All(values, value =>
            {
                Assert.Equal(["count", "value"], value.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
                Assert.False(string.IsNullOrEmpty(value.GetProperty("value").GetString()));
                Assert.True(value.GetProperty("count").GetInt32() > 0);
            });
            Assert.Equal(total, values.Sum(value => value.GetProperty("count").GetInt32()));
        }

        var section = Assert.Single(facets.GetProperty("section").EnumerateArray());
        Assert.Equal((Economy, total), (section.GetProperty("value").GetString(), section.GetProperty("count").GetInt32()));
        Assert.All(facets.GetProperty("month").EnumerateArray(), month => Assert.Matches(YearMonth(), month.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task FacetsOfAQueryNameTheSampleSectionsAndRespectFilters()
    {
        var all = await SearchOkAsync("q=" + Uri.EscapeDataString("ال*") + "&pageSize=1");
        var filtered = await SearchOkAsync("q=" + Uri.EscapeDataString("ال*") + "&" + Param("source", Digital) + "&pageSize=1");

        Assert.NotNull(all.Facets);
        Assert.NotNull(filtered.Facets);
        Assert.Equal(SampleSections.Order(StringComparer.Ordinal), all.Facets.Section.Select(value => value.Value).Intersect(SampleSections).Order(StringComparer.Ordinal));
        Assert.Equal([new FacetValueBody(Digital, filtered.Total)], filtered.Facets.Source);
        var digitalInAll = Assert.Single(all.Facets.Source, value => value.Value == Digital);
        Assert.Equal(filtered.Total, digitalInAll.Count);
    }

    [Fact]
    public async Task FacetsFalseLeavesThemOut()
    {
        var root = await SearchJsonAsync(Param("section", Economy) + "&facets=false");
        var withFacets = await SearchJsonAsync(Param("section", Economy) + "&facets=true");

        Assert.Equal(JsonValueKind.Null, root.GetProperty("facets").ValueKind);
        Assert.Equal(JsonValueKind.Object, withFacets.GetProperty("facets").ValueKind);
    }

    public static TheoryData<string> WalkedSearches => new()
    {
        "from=1900-01-01&pageSize=4",
        "from=1900-01-01&sort=oldest&pageSize=7",
        "q=" + Uri.EscapeDataString("ال*") + "&pageSize=5",
        "q=" + Uri.EscapeDataString("وزير") + "&pageSize=2",
        "q=" + Uri.EscapeDataString("ال*") + "&sort=newest&collapse=false&pageSize=6",
    };

    [Theory]
    [MemberData(nameof(WalkedSearches))]
    public async Task FollowingNextCursorPagesThroughEverythingOnce(string queryString)
    {
        var all = await SearchOkAsync(Regex.Replace(queryString, "pageSize=\\d+", "pageSize=100"));
        Assert.True(all.Hits.Count > 5);
        Assert.Null(all.NextCursor);

        var pages = await WalkAsync(queryString);

        var walked = pages.SelectMany(page => page.Ids).ToList();
        Assert.Equal(all.Ids, walked);
        Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
        Assert.True(pages.Count > 2);
        Assert.All(pages, page => Assert.Equal(all.Total, page.Total));
    }

    [Fact]
    public async Task PageTwoWithACursorIsAValidationProblemUnderPage()
    {
        var first = await SearchOkAsync(Param("section", Economy) + "&pageSize=2");
        Assert.NotNull(first.NextCursor);

        await AssertInvalidAsync("/api/search?" + Param("section", Economy) + "&pageSize=2&page=2&" + Param("after", first.NextCursor), "page");
    }

    [Fact]
    public async Task ACursorForAnotherSortIsAValidationProblemUnderAfter()
    {
        var first = await SearchOkAsync(Param("section", Economy) + "&pageSize=2");
        Assert.NotNull(first.NextCursor);

        await AssertInvalidAsync("/api/search?" + Param("section", Economy) + "&sort=oldest&pageSize=2&" + Param("after", first.NextCursor), "after");
        await AssertInvalidAsync("/api/search?q=x&" + Param("after", first.NextCursor), "after");
    }

    [Fact]
    public async Task CopiesOfTheEconomyWireStoryCollapseIntoOneHit()
    {
        string[] pair = ["sample-economy-001", "sample-economy-002"];
        const string query = "لجنة السياسة النقدية";

        var collapsed = await SearchOkAsync("q=" + Uri.EscapeDataString(query) + "&pageSize=100");
        var all = await SearchOkAsync("q=" + Uri.EscapeDataString(query) + "&collapse=false&pageSize=100");

        var story = Assert.Single(collapsed.Hits, hit => pair.Contains(hit.Id));
        Assert.True(story.Duplicates >= 1);
        Assert.NotNull(story.DuplicateIds);
        Assert.Contains(pair.Single(id => id != story.Id), story.DuplicateIds);
        Assert.Equal(all.Total, collapsed.Total);
        Assert.Subset(all.Ids.ToHashSet(), pair.ToHashSet());
        Assert.All(all.Hits, hit => Assert.Equal(0, hit.Duplicates));
        Assert.True(all.Hits.Count > collapsed.Hits.Count);
    }

    [Fact]
    public async Task CopiesOfTheHealthWireStoryCollapseInABrowse()
    {
        string[] pair = ["sample-health-001", "sample-health-002"];

        var collapsed = await SearchOkAsync(Param("section", "صحة") + "&pageSize=100");
        var all = await SearchOkAsync(Param("section", "صحة") + "&collapse=false&pageSize=100");

        var story = Assert.Single(collapsed.Hits, hit => pair.Contains(hit.Id));
        Assert.Equal(pair.Single(id => id != story.Id), Assert.Single(story.DuplicateIds!));
        Assert.Subset(all.Ids.ToHashSet(), pair.ToHashSet());
        Assert.Equal(all.Hits.Count - 1, collapsed.Hits.Count);
    }

    [Fact]
    public async Task RelatedStoriesLeaveOutTheArticleAndItsCopy()
    {
        using var response = await _client.GetAsync("/api/articles/sample-economy-001/related");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<RelatedBody>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web);
        Assert.NotNull(body);
        Assert.Equal("sample-economy-001", body.Id);
        Assert.NotEmpty(body.Hits);
        Assert.InRange(body.Hits.Count, 1, 10);
        var named = body.Hits.Select(hit => hit.Id).Concat(body.Hits.SelectMany(hit => hit.DuplicateIds ?? [])).ToList();
        Assert.DoesNotContain("sample-economy-001", named);
        Assert.DoesNotContain("sample-economy-002", named);
        Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RelatedCountCapsTheHits()
    {
        using var response = await _client.GetAsync("/api/articles/sample-economy-003/related?count=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonSerializer.Deserialize<RelatedBody>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web);
        Assert.NotNull(body);
        Assert.Equal(2, body.Hits.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-3")]
    public async Task RelatedCountOutOfRangeIsAValidationProblem(string count)
    {
        using var response = await _client.GetAsync("/api/articles/sample-economy-001/related?count=" + count);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("count", out _), $"no errors.count in {problem}");
    }

    [Fact]
    public async Task RelatedCountThatIsNotANumberIsAValidationProblem()
    {
        await AssertInvalidAsync("/api/articles/sample-economy-001/related?count=many", "count", "invalid_parameter");
    }

    [Fact]
    public async Task RelatedOfAnUnknownIdIsANotFoundProblem()
    {
        using var response = await _client.GetAsync("/api/articles/no-such-article/related");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("article_not_found", problem.GetProperty("code").GetString());
        Assert.Contains("no-such-article", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocumentsTheNavigationParametersAndTheRelatedRoute()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var search = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(parameter => parameter.GetProperty("name").GetString()!, parameter => parameter.GetProperty("in").GetString(), StringComparer.Ordinal);
        foreach (var name in new[] { "sort", "from", "to", "source", "section", "tag", "after", "facets", "collapse", "recencyHalfLifeDays" })
        {
            Assert.True(search.TryGetValue(name, out var location), $"{name} is not documented");
            Assert.Equal("query", location);
        }

        Assert.True(paths.TryGetProperty("/api/articles/{id}/related", out var related), "/related is not documented");
        var get = related.GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(parameters!, new HashSet<string>(["id", "count"], StringComparer.Ordinal)!);
        var responses = get.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty(ApiClientExtensions.ProblemJson, out _));
        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty(ApiClientExtensions.ProblemJson, out _));
    }

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex YearMonth();
}
