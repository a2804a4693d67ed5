using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Search.Api.Tests;

/// <summary><c>GET /opensearch.xml</c>, the OpenSearch 1.1 description browsers read to add the site's search.</summary>
[Collection(SampleIndexCollection.Name)]
public sealed partial class OpenSearchTests(SearchApiFactory app)
{
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task TheDescriptionIsOpenSearchXmlWithAbsoluteUrlsFromTheRequest()
    {
        using var response = await _client.GetAsync("/opensearch.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(OpenSearch + "OpenSearchDescription", root.Name);
        var shortName = root.Element(OpenSearch + "ShortName")!.Value;
        Assert.InRange(shortName.Length, 1, 16);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(OpenSearch + "Description")?.Value));
        Assert.Equal("UTF-8", root.Element(OpenSearch + "InputEncoding")?.Value);
        Assert.Equal($"{_client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/?q={{searchTerms}}", Template(root, "text/html"));
        Assert.Equal($"{_client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/opensearch.xml", Template(root, "application/opensearchdescription+xml"));
    }

    [Fact]
    public async Task TheUrlsFollowTheHostTheBrowserUsed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/opensearch.xml");
        request.Headers.Host = "news.example:8443";

        using var response = await _client.SendAsync(request);

        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("http://news.example:8443/?q={searchTerms}", Template(root, "text/html"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/article.html")]
    public async Task BothPagesLinkTheDescription(string page)
    {
        var html = await _client.GetStringAsync(page);

        var link = Assert.Single(SearchLink().Matches(html));
        Assert.Contains("type=\"application/opensearchdescription+xml\"", link.Value, StringComparison.Ordinal);
        Assert.Contains("href=\"/opensearch.xml\"", link.Value, StringComparison.Ordinal);
        Assert.Contains("title=\"", link.Value, StringComparison.Ordinal);
    }

    private static string? Template(XElement root, string type) =>
        root.Elements(OpenSearch + "Url").SingleOrDefault(url => (string?)url.Attribute("type") == type)?.Attribute("template")?.Value;

    [GeneratedRegex("<link rel=\"search\"[^>]*>")]
    private static partial Regex SearchLink();
}
