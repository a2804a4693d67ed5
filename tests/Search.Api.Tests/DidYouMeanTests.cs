using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// "هل تقصد": a search answer with <c>didYouMean</c> (the whole corrected query) shows it as a link that runs the
/// corrected search. The service's real answer to the slipped query gets the field added on its way to the page, as
/// the agreed contract has it, so the page is tested whatever the spelling engine proposes.
/// </summary>
public sealed partial class SearchPageTests
{
    private const string Slipped = "الاتصالت";

    [SkippableFact]
    public async Task ASlippedQueryShowsItsDidYouMeanLinkAndTheLinkRunsTheCorrectedSearch()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route =>
        {
            var query = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query);
            return query["q"] == Slipped
                ? RewriteAsync(route, body => body["didYouMean"] = Telecom)
                : RewriteAsync(route, body => body.Remove("didYouMean"));
        });

        await Page.GotoAsync($"/?q={Uri.EscapeDataString(Slipped)}&sort=newest");
        var line = Page.Locator("#did-you-mean");
        await Expect(line).ToBeVisibleAsync();
        await Expect(line).ToHaveTextAsync($"هل تقصد: {Telecom}");
        var link = Page.Locator("#did-you-mean-link");
        var href = await link.GetAttributeAsync("href");
        var target = QueryHelpers.ParseQuery(new Uri(browser.BaseAddress, href).Query);
        Assert.Equal(Telecom, target["q"].ToString());
        Assert.Equal("newest", target["sort"].ToString());

        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Expect(Page.Locator("#q")).ToHaveValueAsync(Telecom);
        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync(CountLine());
        Assert.Equal(await TotalFromApiAsync(Telecom), LeadingNumber(await Page.Locator("#status").InnerTextAsync()));
        await Expect(line).ToBeHiddenAsync();

        await Page.GoBackAsync();
        await Expect(line).ToBeVisibleAsync();
        Assert.Empty(_pageErrors);
    }
}
