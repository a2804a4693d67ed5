using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Search.Api.Tests;

/// <summary>
/// A word with no place to break (a pasted link, a run of letters) in the query, a filter, a stored source or section,
/// a facet or the did-you-mean correction wraps on a 360-pixel phone instead of making the page scroll sideways.
/// </summary>
public sealed partial class SearchPageTests
{
    private const int SmallPhoneWidth = 360;

    private static readonly string Unbreakable = "مؤسسة" + new string('x', 120);

    [SkippableFact]
    public async Task WordsWithoutSpacesWrapOnA360PixelPhoneInsteadOfWideningThePage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = SmallPhoneWidth, Height = 640 },
            IsMobile = true,
            HasTouch = true,
            TimezoneId = TimeZone,
        });
        var page = await phone.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var hit = new
        {
            id = "long",
            title = Unbreakable,
            source = Unbreakable,
            section = Unbreakable,
            publishedAt = "2024-11-22T07:30:00Z",
            highlights = new { title = Unbreakable, snippets = new[] { Unbreakable } },
        };
        var counts = new[] { new { value = Unbreakable, count = 1 } };
        var search = JsonSerializer.Serialize(new { total = 1, tookMs = 1, hits = new[] { hit }, didYouMean = "ال" + Unbreakable, facets = new { source = counts, section = counts } });
        await page.RouteAsync(new Regex(@"/api/search\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = search }));
        var latest = JsonSerializer.Serialize(new { hits = new[] { hit }, sections = counts, sources = counts });
        await page.RouteAsync(new Regex(@"/api/latest\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = latest }));

        await page.GotoAsync("/");
        await page.Locator("#browse .browse-value").First.WaitForAsync();
        await AssertFitsAsync(page, "the home page");

        var word = Uri.EscapeDataString(Unbreakable);
        await page.GotoAsync($"/?q={word}&source={word}&tag={word}");
        await page.Locator("#did-you-mean-link").WaitForAsync();
        await AssertFitsAsync(page, "a results page with a correction, chips and facets");

        await page.UnrouteAllAsync();
        await page.GotoAsync($"/?q={word}&tag={word}");
        await page.Locator("#status bdi").WaitForAsync();
        await AssertFitsAsync(page, "the no-results line");

        await page.GotoAsync($"/article.html?id={word}");
        await page.Locator("#status bdi").WaitForAsync();
        await AssertFitsAsync(page, "an unknown article's message");
        Assert.Empty(errors);
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"{what} is {width[0]} px wide in a {width[1]} px window");
    }
}
