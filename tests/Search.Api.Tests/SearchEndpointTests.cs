using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>GET /api/search</c> on the sample corpus: the body, the highlights and the search-box syntax.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class SearchEndpointTests(SearchApiFactory app)
{
    private const string Telecom = "الاتصالات";
    private const string EveryArticle = "ال*";

    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("في من")]
    [InlineData("هل ما")]
    public async Task AQueryOfStopWordsOnlySaysNothingWasSearchable(string query)
    {
        using var response = await _client.SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, document.RootElement.GetProperty("total").GetInt32());
        Assert.True(document.RootElement.GetProperty("onlyStopWords").GetBoolean());
    }

    [Fact]
    public async Task A_query_given_twice_is_refused_naming_q_rather_than_searched_joined_by_a_comma()
    {
        var once = Uri.EscapeDataString(Telecom);
        using var response = await _client.GetAsync(new Uri($"/api/search?q={once}&q={once}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_search_request", document.RootElement.GetProperty("code").GetString());
        Assert.Equal("Give q once; it was given 2 times.", document.RootElement.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Theory]
    [InlineData(Telecom)]
    [InlineData("كلمةلاتوجد")]
    [InlineData("-" + Telecom)]
    public async Task AnyOtherQueryLeavesOnlyStopWordsOut(string query)
    {
        using var response = await _client.SearchAsync(query);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(document.RootElement.TryGetProperty("onlyStopWords", out _));
    }

    [Fact]
    public async Task OpenApiDocumentsOnlyStopWordsOnTheSearchAnswer()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var results = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SearchResults");

        Assert.True(results.GetProperty("properties").TryGetProperty("onlyStopWords", out _));
    }

    [Fact]
    public async Task SearchReturnsTheDocumentedFieldsForEveryHit()
    {
        using var response = await _client.SearchAsync(Telecom);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        AssertHasProperties(root, "query", "total", "page", "pageSize", "tookMs", "hits");
        Assert.Equal(Telecom, root.GetProperty("query").GetString());
        Assert.True(root.GetProperty("total").GetInt32() > 0);
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(10, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("tookMs").ValueKind);

        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            AssertHasProperties(hit, "id", "title", "url", "source", "section", "publishedAt", "score", "highlights");
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("title").GetString()));
            Assert.Equal(JsonValueKind.Number, hit.GetProperty("score").ValueKind);
            Assert.True(DateTimeOffset.TryParse(hit.GetProperty("publishedAt").GetString(), CultureInfo.InvariantCulture, out _));
            var highlights = hit.GetProperty("highlights");
            Assert.Equal(JsonValueKind.String, highlights.GetProperty("title").ValueKind);
            Assert.Equal(JsonValueKind.Array, highlights.GetProperty("snippets").ValueKind);
        }
    }

    [Fact]
    public async Task MatchesAreMarkedInTheHighlightsIncludingTheWordWithAClitic()
    {
        var results = await _client.SearchOkAsync(Telecom);

        Assert.Contains("sample-tech-001", results.Ids);
        Assert.Contains("sample-politics-006", results.Ids);
        var highlights = results.Hits.SelectMany(hit => hit.AllHighlights).ToList();
        Assert.Contains(highlights, text => text.Contains("<mark>الاتصالات</mark>", StringComparison.Ordinal));
        var politics = results.Hits.Single(hit => hit.Id == "sample-politics-006");
        Assert.Contains(politics.AllHighlights, text => text.Contains("<mark>والاتصالات</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HighlightsKeepArabicAsCharactersNotNumericEntities()
    {
        var results = await _client.SearchOkAsync(Telecom);

        foreach (var text in results.Hits.SelectMany(hit => hit.AllHighlights))
        {
            Assert.DoesNotContain("&#", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HighlightsOfEveryArticleHoldNoMarkupButMarkTagsAndUnescapeToTheTitle()
    {
        var results = await _client.SearchOkAsync(EveryArticle, pageSize: 100);

        Assert.True(results.Hits.Count > 40, $"only {results.Hits.Count} hits");
        foreach (var hit in results.Hits)
        {
            foreach (var text in hit.AllHighlights)
            {
                var withoutMarks = text.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
                Assert.DoesNotContain("<", withoutMarks, StringComparison.Ordinal);
                Assert.DoesNotContain(">", withoutMarks, StringComparison.Ordinal);
            }

            var title = hit.Highlights.Title.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
            Assert.Equal(hit.Title, WebUtility.HtmlDecode(title));
        }
    }

    [Fact]
    public async Task ResponseBodyCarriesRawArabicAndMarkTagsNotUnicodeEscapes()
    {
        using var response = await _client.SearchAsync(Telecom);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"query\":\"الاتصالات\"", json, StringComparison.Ordinal);
        Assert.Contains("<mark>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u003C", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IndefiniteWordFindsArticlesWithTheDefiniteAndPrepositionalForms()
    {
        var results = await _client.SearchOkAsync("وزير", pageSize: 100);

        var marked = results.Hits.SelectMany(hit => hit.AllHighlights).ToList();
        Assert.Contains(marked, text => text.Contains("<mark>الوزير</mark>", StringComparison.Ordinal));
        Assert.Contains(marked, text => text.Contains("<mark>للوزير</mark>", StringComparison.Ordinal));
        var definite = await _client.SearchOkAsync("الوزير", pageSize: 100);
        Assert.Equal(definite.Ids.Order(), results.Ids.Order());
    }

    [Fact]
    public async Task ArabicIndicDigitsMatchAsciiDigitsInTheText()
    {
        var arabicIndic = await _client.SearchOkAsync("٦٧٥");

        Assert.Equal("sample-tech-001", Assert.Single(arabicIndic.Hits).Id);
        var ascii = await _client.SearchOkAsync("2025", pageSize: 100);
        var year = await _client.SearchOkAsync("٢٠٢٥", pageSize: 100);
        Assert.NotEmpty(year.Hits);
        Assert.Equal(ascii.Ids, year.Ids);
    }

    [Fact]
    public async Task SecondPageIsTheNextSliceOfTheSameRanking()
    {
        var first = await _client.SearchOkAsync(EveryArticle, page: 1, pageSize: 5);
        var second = await _client.SearchOkAsync(EveryArticle, page: 2, pageSize: 5);
        var both = await _client.SearchOkAsync(EveryArticle, page: 1, pageSize: 10);

        Assert.Equal(2, second.Page);
        Assert.Equal(5, second.PageSize);
        Assert.Equal(5, second.Hits.Count);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Ids.Intersect(second.Ids));
        Assert.Equal(both.Ids, first.Ids.Concat(second.Ids));
        Assert.True(first.Hits[^1].Score >= second.Hits[0].Score);
    }

    [Fact]
    public async Task PagePastTheLastHitIsEmptyButKeepsTheTotal()
    {
        var first = await _client.SearchOkAsync(Telecom);
        var beyond = await _client.SearchOkAsync(Telecom, page: 50);

        Assert.Empty(beyond.Hits);
        Assert.Equal(first.Total, beyond.Total);
        Assert.Equal(50, beyond.Page);
    }

    [Fact]
    public async Task DeepestAllowedPageIsAccepted()
    {
        var results = await _client.SearchOkAsync(Telecom, page: 100, pageSize: 100);

        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task QuotedPhraseMatchesOnlyTheWordsTogetherAndInOrder()
    {
        var words = await _client.SearchOkAsync("الجيل الخامس", pageSize: 100);
        var phrase = await _client.SearchOkAsync("\"الجيل الخامس\"", pageSize: 100);
        var reversed = await _client.SearchOkAsync("\"الخامس الجيل\"");

        Assert.Contains("sample-tech-001", phrase.Ids);
        Assert.True(phrase.Total < words.Total, $"phrase {phrase.Total}, words {words.Total}");
        Assert.Subset(words.Ids.ToHashSet(), phrase.Ids.ToHashSet());
        Assert.Equal(0, reversed.Total);
    }

    [Theory]
    [InlineData("الاتصالات -الجيل")]
    [InlineData("الاتصالات -\"الجيل الخامس\"")]
    public async Task MinusExcludesArticlesWithTheWordOrPhrase(string query)
    {
        var all = await _client.SearchOkAsync(Telecom, pageSize: 100);
        var excluded = await _client.SearchOkAsync(query, pageSize: 100);

        Assert.Contains("sample-tech-001", all.Ids);
        Assert.DoesNotContain("sample-tech-001", excluded.Ids);
        Assert.NotEmpty(excluded.Hits);
        Assert.True(excluded.Total < all.Total);
        Assert.Subset(all.Ids.ToHashSet(), excluded.Ids.ToHashSet());
    }

    [Fact]
    public async Task ExclusionsAloneListEveryOtherArticleNewestFirst()
    {
        var word = await _client.SearchOkAsync(Telecom, pageSize: 100);
        using var response = await _client.SearchAsync("-" + Telecom, pageSize: 100);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.Equal("newest", root.GetProperty("sort").GetString());
        var ids = root.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(word.Ids));
        var dates = root.GetProperty("hits").EnumerateArray()
            .Select(hit => hit.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task OrMatchesArticlesWithEitherWord()
    {
        var riyadh = await _client.SearchOkAsync("الرياض", pageSize: 100);
        var cairo = await _client.SearchOkAsync("القاهرة", pageSize: 100);
        var either = await _client.SearchOkAsync("الرياض OR القاهرة", pageSize: 100);

        Assert.Equal(riyadh.Ids.Union(cairo.Ids).Order(), either.Ids.Order());
    }

    [Theory]
    [InlineData(Telecom)]
    [InlineData("وزير")]
    [InlineData(EveryArticle)]
    public async Task HitsAreOrderedByDescendingScore(string query)
    {
        var results = await _client.SearchOkAsync(query, pageSize: 100);

        Assert.True(results.Hits.Count > 1);
        for (var i = 1; i < results.Hits.Count; i++)
        {
            Assert.True(
                results.Hits[i - 1].Score >= results.Hits[i].Score,
                $"hit {i - 1} ({results.Hits[i - 1].Score}) ranks above hit {i} ({results.Hits[i].Score})");
        }
    }

    /// <summary>New fields may come; the documented ones must stay.</summary>
    private static void AssertHasProperties(JsonElement element, params string[] names)
    {
        var present = element.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(present, names.ToHashSet(StringComparer.Ordinal));
    }
}
