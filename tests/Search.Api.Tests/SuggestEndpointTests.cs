using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>GET /api/suggest</c> on the sample corpus: the agreed body, and 400 problems naming the parameter.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class SuggestEndpointTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Requests that break a limit, and the parameter each error must be filed under.</summary>
    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "", "q" },
        { "q=", "q" },
        { "q=%20%20%09", "q" },
        { "size=3", "q" },
        { "q=" + new string('ق', 101), "q" },
        { "q=" + Uri.EscapeDataString("  " + new string('ق', 100) + "  ") + "&size=0", "size" },
        { "q=%D8%A7%D9%84&size=0", "size" },
        { "q=%D8%A7%D9%84&size=21", "size" },
        { "q=%D8%A7%D9%84&size=-1", "size" },
        { "q=%D8%A7%D9%84&size=abc", "size" },
        { "q=%D8%A7%D9%84&size=99999999999", "size" },
        { "q=%D8%A7%D9%84&q=%D9%88", "q" },
    };

    [Theory]
    [InlineData("الاتصا")]
    [InlineData("الإتصا")]
    [InlineData("الاِتصا")]
    public async Task A_prefix_in_any_spelling_offers_the_word_as_written_with_the_typed_part_marked_and_no_id(string typed)
    {
        using var document = await SuggestOkAsync(typed);

        Assert.Equal(typed, document.RootElement.GetProperty("query").GetString());
        var word = Suggestions(document).First(suggestion => suggestion.GetProperty("kind").GetString() == "word");
        Assert.Equal("الاتصالات", word.GetProperty("text").GetString());
        Assert.Equal("<mark>الاتصا</mark>لات", word.GetProperty("highlighted").GetString());
        Assert.True(word.GetProperty("count").GetInt32() >= 1);
        Assert.False(word.TryGetProperty("id", out _), "a word suggestion has no id property");
    }

    [Fact]
    public async Task A_word_completion_keeps_the_words_typed_before_it()
    {
        using var document = await SuggestOkAsync("اسعار الاتصا");

        var word = Suggestions(document).First(suggestion => suggestion.GetProperty("kind").GetString() == "word");
        Assert.Equal("اسعار الاتصالات", word.GetProperty("text").GetString());
        Assert.Equal("اسعار <mark>الاتصا</mark>لات", word.GetProperty("highlighted").GetString());
    }

    [Theory]
    [InlineData("\u202Eال")] // an unclosed RIGHT-TO-LEFT OVERRIDE: was echoed as "\u202Eالمصري"
    [InlineData("\u200Fال")] // a RIGHT-TO-LEFT MARK, dropped before as well
    [InlineData("\u2067اسعار \u202Eالاتصا")]
    public async Task Bidi_controls_typed_never_reach_a_suggestion(string typed)
    {
        using var document = await SuggestOkAsync(typed);

        var suggestions = Suggestions(document);
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, suggestion =>
        {
            foreach (var field in new[] { "text", "highlighted" })
            {
                var value = suggestion.GetProperty(field).GetString()!;
                Assert.False(value.Any(c => "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".Contains(c)), $"{field} {value} carries a bidi control");
            }
        });
    }

    [Fact]
    public async Task A_title_suggestion_carries_the_article_id_and_the_whole_title()
    {
        using var document = await SuggestOkAsync("وزير الاتص");

        var title = Assert.Single(Suggestions(document), suggestion => suggestion.GetProperty("kind").GetString() == "title");
        Assert.Equal("sample-tech-001", title.GetProperty("id").GetString());
        using var article = JsonDocument.Parse(await _client.GetStringAsync("/api/articles/sample-tech-001"));
        Assert.Equal(article.RootElement.GetProperty("title").GetString(), title.GetProperty("text").GetString());
        Assert.StartsWith("<mark>وزير الاتص</mark>الات ", title.GetProperty("highlighted").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, title.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_phrase_two_titles_share_is_offered_with_its_count()
    {
        using var document = await SuggestOkAsync("شلل");

        var phrase = Suggestions(document).First(suggestion => suggestion.GetProperty("kind").GetString() == "phrase");
        Assert.Equal("شلل الأطفال", phrase.GetProperty("text").GetString());
        Assert.Equal("<mark>شلل</mark> الأطفال", phrase.GetProperty("highlighted").GetString());
        Assert.Equal(2, phrase.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Size_defaults_to_eight_and_caps_the_list()
    {
        using var byDefault = await SuggestOkAsync("ال");
        using var three = await SuggestOkAsync("ال", size: 3);

        Assert.Equal(8, Suggestions(byDefault).Count);
        Assert.Equal(3, Suggestions(three).Count);
        Assert.All(Suggestions(byDefault), suggestion => Assert.Contains(suggestion.GetProperty("kind").GetString(), new[] { "word", "phrase", "title" }));
    }

    [Theory]
    [InlineData("ظظظظ")]
    [InlineData("اتصا*")]
    [InlineData("\"(")]
    public async Task Nothing_matching_or_search_syntax_is_a_200_with_a_list(string typed)
    {
        using var document = await SuggestOkAsync(typed);

        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("suggestions").ValueKind);
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string queryString, string parameter)
    {
        using var response = await _client.GetAsync("/api/suggest?" + queryString);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_parameter", problem.GetProperty("code").GetString());
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty(parameter)[0].GetString()));
    }

    [Fact]
    public async Task Both_bad_parameters_are_reported_at_once()
    {
        using var response = await _client.GetAsync("/api/suggest?q=&size=50");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["q", "size"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_route_its_parameters_and_its_400()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));

        var suggest = document.RootElement.GetProperty("paths").GetProperty("/api/suggest").GetProperty("get");
        Assert.Equal(["q", "size"], suggest.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).Order());
        var example = suggest.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty(ApiClientExtensions.ProblemJson).GetProperty("example");
        Assert.Equal("invalid_parameter", example.GetProperty("code").GetString());
        Assert.True(example.GetProperty("errors").TryGetProperty("q", out _));
        Assert.True(suggest.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(suggest.GetProperty("responses").TryGetProperty("503", out _));
    }

    [Fact]
    public async Task A_written_article_is_suggested_once_visible_and_its_deletion_takes_the_suggestion_away()
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);

        using var put = await client.PutAsync("/api/articles/emerald?refresh=wait_for", new StringContent("""{"title":"اكتشاف منجم الزمرد في الصحراء"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Contains("الزمرد", await WordsAsync(client, "الزم"));

        using var delete = await client.DeleteAsync("/api/articles/emerald?refresh=wait_for");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Empty(await WordsAsync(client, "الزم"));
    }

    private static async Task<List<string?>> WordsAsync(HttpClient client, string typed)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/suggest?q=" + Uri.EscapeDataString(typed));
        return [.. body.GetProperty("suggestions").EnumerateArray().Where(suggestion => suggestion.GetProperty("kind").GetString() == "word").Select(suggestion => suggestion.GetProperty("text").GetString())];
    }

    private static List<JsonElement> Suggestions(JsonDocument document) => [.. document.RootElement.GetProperty("suggestions").EnumerateArray()];

    private async Task<JsonDocument> SuggestOkAsync(string typed, int? size = null)
    {
        using var response = await _client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(typed) + (size is { } s ? "&size=" + s : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
