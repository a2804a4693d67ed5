using Microsoft.Playwright;

namespace Search.Api.Tests;

/// <summary>The search page in forced colours (Windows high contrast), where backgrounds are dropped.</summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task InForcedColoursButtonsFacetValuesAndTheSearchBoxKeepABorderAndAChosenValueAnother()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.GotoAsync("/?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA");
        await Page.Locator("#results .hit").First.WaitForAsync();
        // Outside forced colours nothing changes: the controls have no border.
        Assert.Equal("0px", await Border(Page.Locator("button[type=submit]"), "borderTopWidth"));

        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active });
        var value = Page.Locator(".facet-value").First;
        await value.ClickAsync();
        var chosen = Page.Locator(".facet-value[aria-pressed=true]").First;
        await chosen.WaitForAsync();

        foreach (var control in new[] { Page.Locator("input[type=search]"), Page.Locator("button[type=submit]"), Page.Locator(".facet-value[aria-pressed=false]").First })
        {
            Assert.Equal("solid", await Border(control, "borderTopStyle"));
            Assert.Equal("1px", await Border(control, "borderTopWidth"));
        }

        Assert.Equal("double", await Border(chosen, "borderTopStyle"));
    }

    private static Task<string> Border(ILocator control, string property) =>
        control.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");
}
