using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// Links to an article's original site, in headless Chromium: the API's real answers are rewritten on their way to the
/// page so that articles carry no URL or a hostile one.
/// </summary>
public sealed partial class SearchPageTests
{
    /// <summary>Stored URLs that must never become a link: missing, empty, script, data, relative.</summary>
    private static readonly string?[] UnsafeUrls =
        [null, "", "   ", "null", "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "/news/relative"];

    [SkippableFact]
    public async Task AHitWithoutAnHttpUrlLinksItsTitleToTheStoredArticleNeverToNullOrScript()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route => RewriteAsync(route, body =>
        {
            var hits = body["hits"]!.AsArray();
            for (var i = 0; i < hits.Count; i++)
            {
                hits[i]!["url"] = i < UnsafeUrls.Length ? UnsafeUrls[i] : "https://example.org/original";
            }
        }));

        await ShowResultsAsync(EveryArticle);

        var hrefs = await Page.Locator("#results .hit h2 a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.True(hrefs.Length > UnsafeUrls.Length, $"only {hrefs.Length} hits");
        Assert.All(hrefs[..UnsafeUrls.Length], href => Assert.StartsWith("/article.html?id=", href, StringComparison.Ordinal));
        Assert.All(hrefs[UnsafeUrls.Length..], href => Assert.Equal("https://example.org/original", href));
        Assert.Equal(0, await Page.Locator("a[href*='null'], a[href^='javascript' i], a[href^='data' i], a[href^='vbscript' i]").CountAsync());
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("javascript:alert(1)")]
    [InlineData("/news/relative")]
    public async Task AnArticleWithoutAnHttpUrlShowsNoLinkToAnOriginal(string? url)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/articles/[^/?]+$"), route => RewriteAsync(route, body => body["url"] = url));

        await Page.GotoAsync("/article.html?id=sample-tech-001");
        await Expect(Page.Locator("#article")).ToBeVisibleAsync();

        await Expect(Page.Locator("#original")).ToBeHiddenAsync();
        Assert.Null(await Page.Locator("#original-link").GetAttributeAsync("href"));
        Assert.Empty(_dialogs);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AnArticleWithAnHttpsUrlLinksToItsOriginal()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/article.html?id=sample-tech-001");

        await Expect(Page.Locator("#original")).ToBeVisibleAsync();
        Assert.Equal("https://example.com/news/sample-tech-001", await Page.Locator("#original-link").GetAttributeAsync("href"));
    }

    /// <summary>Lets the request reach the service, then hands the page its JSON answer changed by <paramref name="change"/>.</summary>
    private static async Task RewriteAsync(IRoute route, Action<JsonObject> change)
    {
        var response = await route.FetchAsync();
        var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
        change(body);
        await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
    }
}
