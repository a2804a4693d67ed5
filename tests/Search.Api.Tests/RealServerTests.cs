using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Search.Api.Tests;

/// <summary>The service as deployed: a real process behind Kestrel, started from a folder that is not its own.</summary>
public sealed class RealServerTests(RealServerFixture server) : IClassFixture<RealServerFixture>
{
    private const string Astral = "\U0001D400"; // MATHEMATICAL BOLD CAPITAL A: 4 bytes of UTF-8, 12 percent-encoded

    /// <summary>Queries of exactly 1,000 characters as a reader counts them, in scripts that take the most bytes.</summary>
    public static TheoryData<string> LongestQueries => new()
    {
        string.Concat(Enumerable.Repeat(Astral, 1000)),
        string.Concat(Enumerable.Repeat("😀", 1000)),
        new string('ﷺ', 1000),
        string.Concat(Enumerable.Repeat("بَّ", 1000)), // a letter with shadda and fatha: one character, three code units
        string.Join(' ', Enumerable.Repeat("والمستشفياتالجديدة", 52)), // 52 long words: 987 characters within the word cap
    };

    [Fact]
    public async Task StartedFromAnotherFolderItServesItsPageAndIndexesTheSampleItsSettingsPointTo()
    {
        using var client = server.Service.CreateClient();

        using var page = await client.GetAsync("/");
        var results = await client.GetFromJsonAsync<SearchResultsBody>("/api/search?q=" + Uri.EscapeDataString("الاتصالات"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>بحث الأخبار</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(results?.Total > 0, "the sample corpus named only in appsettings.json was not indexed:\n" + server.Service.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(server.WorkingDirectory));
    }

    [Fact]
    public async Task APathIdThatIsNotUtf8OnceDecodedIsRefusedAndAnEscapedPercentIsAnIdLikeAny()
    {
        using var client = server.Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", RealServerFixture.ApiKey);
        HttpRequestMessage Put(string path) => new(HttpMethod.Put, "/api/articles/" + path)
        {
            Content = new StringContent("""{"title":"خبر عن المعرض"}""", Encoding.UTF8, "application/json"),
        };

        // %ED%A0%80 is a lone surrogate's UTF-8: Kestrel leaves it escaped, which would have been stored as the id.
        using var put = await client.SendAsync(Put("%ED%A0%80"));
        Assert.True((await put.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("id", out _));
        using var delete = await client.DeleteAsync("/api/articles/bad-%FF");
        Assert.True((await delete.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("id", out _));

        using var percent = await client.SendAsync(Put("%25ED%25A0%2580"));
        Assert.Equal(HttpStatusCode.Created, percent.StatusCode);
        Assert.Equal("%ED%A0%80", (await client.GetFromJsonAsync<ArticleBody>("/api/articles/%25ED%25A0%2580"))!.Id);
        using var arabic = await client.SendAsync(Put(Uri.EscapeDataString("خبر-١")));
        Assert.Equal(HttpStatusCode.Created, arabic.StatusCode);
        Assert.Equal("خبر-١", (await client.GetFromJsonAsync<ArticleBody>("/api/articles/" + Uri.EscapeDataString("خبر-١")))!.Id);
    }

    [Theory]
    [MemberData(nameof(LongestQueries))]
    public async Task AThousandCharacterQueryInAnyScriptIsAnsweredWithFiltersAndTheReferrerABrowserSends(string query)
    {
        using var client = server.Service.CreateClient();
        var encoded = Uri.EscapeDataString(query);
        var filters = "&page=2&pageSize=20&sort=newest&from=2020-01-01&to=2030-01-01&" + string.Join('&', Enumerable.Range(0, 100).Select(i => $"source=s{i}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + encoded + filters);
        request.Headers.Referrer = new Uri(server.Service.BaseAddress, "/?q=" + encoded);

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for a {Encoding.UTF8.GetByteCount(query)}-byte query: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData(1001, Astral)]
    [InlineData(1001, "ﷺ")]
    [InlineData(5000, "ب")] // 30 KB percent-encoded
    [InlineData(1500, "بَّ")] // 4,500 code units
    public async Task AnOverLongQueryIsRefusedWithOurProblemNotTheServers414(int characters, string character)
    {
        using var client = server.Service.CreateClient();

        using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat(character, characters))));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_search_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Theory]
    [InlineData("/api/articles/https%3A%2F%2Fexample.com%2Fofuq%2F2024%2F11%2F05%2Fjordan-lebanon-committee")]
    [InlineData("/api/articles/https://example.com/ofuq/2024/11/05/jordan-lebanon-committee")]
    [InlineData("/api/articles/https%3A%2F%2Fexample.com%2Fofuq%2F2024%2F11%2F05%2Fjordan-lebanon-committee/related")]
    [InlineData("/api/articles/https://example.com/ofuq/2024/11/05/jordan-lebanon-committee/related")]
    public async Task AnIdHoldingSlashesIsReachedThroughKestrelEncodedOrNot(string path)
    {
        using var client = server.Service.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/search?q=x")]
    [InlineData("/api/search?page=0")]
    [InlineData("/api/articles/does-not-exist")]
    [InlineData("/search.js")]
    public async Task EveryResponseCarriesTheSecurityHeadersAndNoServerHeader(string path)
    {
        using var client = server.Service.CreateClient();

        using var response = await client.GetAsync(path);

        SecurityHeaderAssertions.AssertPresent(response);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
    }

    /// <summary>Over a socket to Kestrel: the test host reads every request body whole whatever the endpoint does, and
    /// HttpClient finishes sending a body before it hands over the answer.</summary>
    [Theory]
    [InlineData("/api/index/_snapshot")]
    [InlineData("/api/index/_reindex")]
    [InlineData("/api/articles/_bulk")]
    public async Task A_keyed_call_without_its_key_is_refused_before_its_body_is_read(string path)
    {
        // A body that starts and never ends: a service that reads it before checking the key never answers.
        using var socket = await SendRawAsync(
            $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n{{\"name\":\"\r\n");
        var stream = socket.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 401 ", statusLine, StringComparison.Ordinal);
    }

    /// <summary>Faster than Kestrel's own floor (240 bytes/s), which would let it hold its place among the writes in
    /// flight for the ten minutes a 1 MB article takes at this pace.</summary>
    [Fact]
    public async Task A_write_body_that_trickles_in_is_cut_off_with_a_408_problem()
    {
        using var socket = await SendRawAsync(
            $"PUT /api/articles/trickle HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {RealServerFixture.ApiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var stream = socket.GetStream();
        var answer = new byte[4096];
        var read = stream.ReadAsync(answer).AsTask();

        // 2 KB/s of white space, which JSON allows before the article, until the service answers.
        var chunk = Encoding.ASCII.GetBytes($"400\r\n{new string(' ', 1024)}\r\n");
        var clock = Stopwatch.StartNew();
        while (!read.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            await stream.WriteAsync(chunk);
            await Task.WhenAny(read, Task.Delay(500));
        }

        Assert.True(read.IsCompleted, "no answer within 40 s");
        var text = Encoding.ASCII.GetString(answer, 0, await read);
        for (int more; !text.Contains("nothing was written", StringComparison.Ordinal) && (more = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(10))) > 0;)
        {
            text += Encoding.ASCII.GetString(answer, 0, more);
        }

        Assert.StartsWith("HTTP/1.1 408 ", text, StringComparison.Ordinal);
        Assert.Contains("request_timeout", text, StringComparison.Ordinal);
        Assert.Contains("Search:Writes:MinBodyBytesPerSecond", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_size_past_64_bits_is_a_400_problem_not_a_500()
    {
        using var socket = await SendRawAsync(
            $"PUT /api/articles/chunked HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {RealServerFixture.ApiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{{}}");
        using var reader = new StreamReader(socket.GetStream(), Encoding.ASCII);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 400 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"malformed_request\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /opensearch.xml HTTP/1.0\r\n\r\n")]
    [InlineData("GET /opensearch.xml HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n")]
    public async Task The_OpenSearch_description_of_a_request_naming_no_host_is_a_400_problem_not_addresses_without_one(string request)
    {
        using var socket = await SendRawAsync(request);
        using var reader = new StreamReader(socket.GetStream(), Encoding.ASCII);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Matches("^HTTP/1.1 400 ", answer);
        Assert.Contains("\"code\":\"malformed_request\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("http:///", answer, StringComparison.Ordinal);
    }

    /// <summary>A connection to the service with <paramref name="request"/> sent byte for byte as written: what
    /// HttpClient will not send (a body that never ends or trickles, a chunk size no client writes).</summary>
    private async Task<TcpClient> SendRawAsync(string request)
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(server.Service.BaseAddress.Host, server.Service.BaseAddress.Port);
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request));
        return socket;
    }
}
