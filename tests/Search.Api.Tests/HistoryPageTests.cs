using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// The page's own navigation behaves as links do: the same view submitted again (a retry, a double press) adds no
/// history entry, the did-you-mean link opened with Ctrl opens a new tab and leaves this one as it is, and each view
/// has its own window title.
/// </summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task SubmittingTheSameSearchAgainAddsNoHistoryEntryForBackToStepThrough()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.GotoAsync("/");
        await Page.Locator("#latest .hit").First.WaitForAsync();

        await Page.Locator("#q").FillAsync(Telecom);
        await Page.Locator("#q").PressAsync("Enter");
        await Page.Locator("#results .hit").First.WaitForAsync();
        var length = await Page.EvaluateAsync<int>("() => history.length");
        await Page.Locator("#q").PressAsync("Enter");
        await Page.Locator("#search-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync(CountLine());
        Assert.Equal(length, await Page.EvaluateAsync<int>("() => history.length"));

        await Page.GoBackAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        await Page.Locator("#latest .hit").First.WaitForAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task CtrlClickingTheDidYouMeanLinkOpensItInANewTab()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route =>
            QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query)["q"] == Slipped
                ? RewriteAsync(route, body => body["didYouMean"] = Telecom)
                : route.ContinueAsync());
        await Page.GotoAsync($"/?q={Uri.EscapeDataString(Slipped)}");
        var link = Page.Locator("#did-you-mean-link");
        await Expect(link).ToBeVisibleAsync();
        var here = Page.Url;

        var opened = Page.Context.WaitForPageAsync(new BrowserContextWaitForPageOptions { Timeout = 5000 });
        await link.ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
        var tab = await opened;
        await tab.WaitForURLAsync(new Regex(@"[?&]q="));
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(new Uri(tab.Url).Query)["q"].ToString());
        Assert.Equal(here, Page.Url);
        await Expect(Page.Locator("#q")).ToHaveValueAsync(Slipped);
        await tab.CloseAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task EachViewNamesItsWordsFiltersAndPageInTheWindowTitle()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        const string Site = "بحث الأخبار";
        await Page.GotoAsync("/");
        await Page.Locator("#latest .hit").First.WaitForAsync();
        await Expect(Page).ToHaveTitleAsync(Site);

        await Page.Locator("#q").FillAsync(EveryArticle);
        await Page.Locator("#q").PressAsync("Enter");
        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page).ToHaveTitleAsync($"\u2068{EveryArticle}\u2069 — {Site}");

        await Page.Locator("#next").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]page=2"));
        await Expect(Page).ToHaveTitleAsync($"\u2068{EveryArticle}\u2069 (صفحة ٢) — {Site}");

        await Page.GotoAsync("/?section=" + Uri.EscapeDataString("تكنولوجيا"));
        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page).ToHaveTitleAsync($"\u2068تكنولوجيا\u2069 — {Site}");

        await Page.GoBackAsync();
        await Expect(Page).ToHaveTitleAsync($"\u2068{EveryArticle}\u2069 (صفحة ٢) — {Site}");
        Assert.Empty(_pageErrors);
    }
}
