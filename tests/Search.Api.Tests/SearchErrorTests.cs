using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary><c>GET /api/search</c>: bad parameters are 400 problem details; bad query syntax never is.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed class SearchErrorTests(SearchApiFactory app)
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Requests that bind but break a limit, and the parameter the error must be filed under.</summary>
    public static TheoryData<string, string> OutOfRangeRequests => new()
    {
        { "q=", "q" },
        { "q=%20%20%09", "q" },
        { "", "q" },
        { "page=1", "q" },
        { "q=" + new string('ق', 1001), "q" },
        { "q=x&page=0", "page" },
        { "q=x&page=-1", "page" },
        { "q=x&pageSize=0", "pageSize" },
        { "q=x&pageSize=-5", "pageSize" },
        { "q=x&pageSize=101", "pageSize" },
        { "q=x&page=101&pageSize=100", "page" },
        { "q=x&page=10001", "page" },
        { "q=x&page=2147483647&pageSize=100", "page" },
        { "q=x&" + string.Join('&', Enumerable.Range(0, 101).Select(i => $"source=s{i}")), "source" },
        { string.Join('&', Enumerable.Range(0, 101).Select(i => $"tag=t{i}")), "tag" },
        { "q=" + Uri.EscapeDataString("اقتص* نفط* سوق* بنك* عمل* سعر*"), "q" },
    };

    /// <summary>Requests whose parameter is not an integer at all, and that parameter.</summary>
    public static TheoryData<string, string> UnbindableRequests => new()
    {
        { "q=x&page=abc", "page" },
        { "q=x&pageSize=1.5", "pageSize" },
        { "q=x&page=99999999999", "page" },
    };

    /// <summary>Search-box input that is not valid Lucene syntax, which the parser must shrug off.</summary>
    public static TheoryData<string> MalformedQueries => new()
    {
        "\"unbalanced",
        "a AND",
        "(copy",
        "*",
        "-",
        "OR",
        "\\",
        "\\\\",
        "~",
        "[]",
        "{}",
        "^",
        ":",
        "\" OR \"",
        "AND OR NOT",
        "\"\"",
        "--",
        "-OR",
        "OR OR الاتصالات OR",
        "title:الاتصالات",
        "الاتصالات~2",
        "الاتصالات^10",
        "[a TO z]",
        "/regex.*/",
        "&&||!",
        "ـــ",
        "ًٌٍ",
        "😀",
        string.Join(' ', Enumerable.Repeat("وز*", 5)) + " " + string.Join(' ', Enumerable.Repeat("وز", 240)),
        string.Join(" OR ", Enumerable.Repeat("وزير", 200))[..1000],
        new string('ا', 1000),

        // The most words 1,000 characters hold: every word is several Lucene clauses, and a question adds proximity pairs.
        string.Join(' ', Enumerable.Repeat("ب", 600))[..1000],
        string.Join(' ', Enumerable.Repeat("بت", 400))[..999] + "؟",
        "متى " + string.Join(' ', Enumerable.Repeat("بت", 400))[..996],
        string.Join(' ', Enumerable.Repeat("\"ب ت\"", 200))[..1000],
        string.Join(" OR ", Enumerable.Repeat("ب", 300))[..1000],
        MixedCharacters(1000, seed: 1),
        MixedCharacters(1000, seed: 2),
    };

    [Theory]
    [MemberData(nameof(OutOfRangeRequests))]
    public async Task OutOfRangeParameterIsAValidationProblemNamingIt(string queryString, string parameter)
    {
        using var response = await _client.GetAsync("/api/search?" + queryString);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(JsonValueKind.Object, errors.ValueKind);
        var messages = errors.GetProperty(parameter);
        Assert.Contains(messages.EnumerateArray(), message => !string.IsNullOrWhiteSpace(message.GetString()));
        Assert.Equal("invalid_search_request", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task EveryBrokenLimitIsReported()
    {
        using var response = await _client.GetAsync("/api/search?q=&page=0&pageSize=101");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize", "q"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Theory]
    [MemberData(nameof(UnbindableRequests))]
    public async Task UnparsableNumberIsAValidationProblemNamingIt(string queryString, string parameter)
    {
        using var response = await _client.GetAsync("/api/search?" + queryString);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"no errors.{parameter} in {problem}");
        Assert.Equal("invalid_parameter", problem.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(MalformedQueries))]
    public async Task MalformedQuerySyntaxStillAnswers200UnlessOverAComplexityCap(string query)
    {
        if (new Search.Core.Querying.SearchRequest(query).Validate().TryGetValue("q", out var tooMuch))
        {
            using var response = await _client.SearchAsync(query);
            var problem = await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
            Assert.Equal(tooMuch[0], problem.GetProperty("errors").GetProperty("q")[0].GetString());
            return;
        }

        var results = await _client.SearchOkAsync(query);

        Assert.Equal(query, results.Query);
        Assert.True(results.Total >= results.Hits.Count);
    }

    [Fact]
    public async Task QueryOfExactlyTheMaximumLengthIsAccepted()
    {
        var query = "الاتصالات " + new string('ب', 990);

        var results = await _client.SearchOkAsync(query);

        Assert.Equal(1000, results.Query.Length);
    }

    private static string MixedCharacters(int length, int seed)
    {
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى٠١٢٣٤٥٦٧٨٩0123456789abcXYZ \"'-*()[]{}^~:\\/!?&|+<>.,;ًٌٍَُِّْـ«»“”";
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
    }
}
