using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// A search that fails after one that succeeded leaves nothing of the earlier answer to act on: its facets and sort
/// box were counted for other words.
/// </summary>
public sealed partial class SearchPageTests
{
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFailedSearchHidesTheFacetsAndSortOfThePreviousQuery(bool unreachable)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await ShowResultsAsync(Telecom);
        await Expect(Page.Locator("#facets")).ToBeVisibleAsync();
        await Expect(Page.Locator("#sort-box")).ToBeVisibleAsync();

        await Page.RouteAsync(new Regex(@"/api/search\?"), route => unreachable
            ? route.AbortAsync()
            : route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"status":503,"code":"overloaded"}""" }));
        await Page.Locator("#q").FillAsync("الحكومة");
        await Page.Locator("#q").PressAsync("Enter");

        await Expect(Page.Locator("#status")).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(Page.Locator("#facets")).ToBeHiddenAsync();
        await Expect(Page.Locator("#sort-box")).ToBeHiddenAsync();
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
    }
}
