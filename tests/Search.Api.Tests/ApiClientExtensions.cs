using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests;

/// <summary>Calls and checks shared by the API tests.</summary>
internal static class ApiClientExtensions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>A client of the factory's service that sends the write API's key.</summary>
    public static HttpClient CreateWriter(this SearchApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);
        return client;
    }

    public static Task<HttpResponseMessage> SearchAsync(this HttpClient client, string query, int? page = null, int? pageSize = null)
    {
        var url = "/api/search?q=" + Uri.EscapeDataString(query);
        if (page is { } p)
        {
            url += "&page=" + p;
        }

        if (pageSize is { } size)
        {
            url += "&pageSize=" + size;
        }

        return client.GetAsync(url);
    }

    /// <summary>Searches and asserts a 200 with a JSON body.</summary>
    public static async Task<SearchResultsBody> SearchOkAsync(this HttpClient client, string query, int? page = null, int? pageSize = null)
    {
        using var response = await client.SearchAsync(query, page, pageSize);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<SearchResultsBody>();
        Assert.NotNull(body);
        return body;
    }

    /// <summary>Asserts a problem-details response with the given status and a title, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(Uri.IsWellFormedUriString(problem.GetProperty("type").GetString(), UriKind.Absolute));

        // Every problem the service sends names its error in the one table of codes, framework-made ones too.
        Assert.Contains(problem.GetProperty("code").GetString(), Search.Api.Errors.ApiErrors.All.Select(error => error.Code));
        return problem;
    }
}
