namespace Search.Api.Tests;

/// <summary>Both pages point the browser at the OpenSearch description, and it names this site's search page.</summary>
public sealed partial class SearchPageTests
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/article.html?id=sample-tech-001")]
    public async Task ThePageLinksAnOpenSearchDescriptionOfItsOwnSearch(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync(path);
        var found = await Page.EvaluateAsync<string[]>("""
            async () => {
              const link = document.querySelector('link[rel="search"]');
              const response = await fetch(link.href);
              return [link.type, link.title, response.headers.get("content-type"), await response.text()];
            }
            """);

        Assert.Equal("application/opensearchdescription+xml", found[0]);
        Assert.False(string.IsNullOrWhiteSpace(found[1]));
        Assert.StartsWith("application/opensearchdescription+xml", found[2], StringComparison.Ordinal);
        var site = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"template=\"{site}/?q={{searchTerms}}\"", found[3], StringComparison.Ordinal);
        Assert.Empty(_pageErrors);
    }
}
