using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// The pages by keyboard: a skip link past the search box to the content, Escape in the search box never costing the
/// words typed, and focus given back after Back and Forward redraw the view.
/// </summary>
public sealed partial class SearchPageTests
{
    [SkippableTheory]
    [InlineData("/?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA", "#results .hit")]
    [InlineData("/article.html?id=sample-tech-001", "#related li")]
    public async Task TheFirstTabShowsASkipLinkAtTheReadingSideThatTakesFocusToTheContentWithoutTouchingHistory(string path, string loaded)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.GotoAsync(path);
        await Page.Locator(loaded).First.WaitForAsync();
        var address = Page.Url;
        var entries = await Page.EvaluateAsync<int>("() => history.length");
        var skip = Page.Locator(".skip-link");
        await Expect(skip).Not.ToBeInViewportAsync();

        await Page.Keyboard.PressAsync("Tab");

        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        // Right to left: it shows at the right, where reading starts.
        var box = (await skip.BoundingBoxAsync())!;
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(box.X > width / 2, $"the skip link is at x={box.X} in a {width}-px page");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("main")).ToBeFocusedAsync();
        // The next Tab goes on inside the content, past the search box.
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null"));
        Assert.Equal(address, Page.Url);
        Assert.Equal(entries, await Page.EvaluateAsync<int>("() => history.length"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task EscapeInTheSearchBoxNeverClearsItWhetherTheSuggestionsAreOpenComingOrClosed()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(SuggestRoute, async route =>
        {
            // Slow enough for Escape to come while the suggestions are on their way.
            await Task.Delay(300);
            await FulfillQuietlyAsync(route, SuggestionsJson("الا", Completions));
        });
        await Page.GotoAsync("/");
        var box = Page.Locator("#q");

        // Pressed before the list opens, it stops the list coming and keeps the words.
        await box.PressSequentiallyAsync("الا");
        await box.PressAsync("Escape");
        await Expect(box).ToHaveValueAsync("الا");
        await Page.WaitForTimeoutAsync(700);
        await Expect(Page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        // Pressed again with nothing open (to be sure), it still keeps them.
        await box.PressAsync("Escape");
        await Expect(box).ToHaveValueAsync("الا");

        // After a search too: the box goes on naming the results shown.
        await box.FillAsync(Telecom);
        await box.PressAsync("Enter");
        await Page.Locator("#results .hit").First.WaitForAsync();
        await box.PressAsync("Escape");
        await Expect(box).ToHaveValueAsync(Telecom);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task BackAndForwardGiveFocusBackToTheControlUsedInsteadOfDroppingItToThePage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await ShowResultsAsync(EveryArticle);
        var facet = Page.Locator("#facets [data-facet=source] .facet-value").First;
        var value = await facet.GetAttributeAsync("data-value");
        await facet.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]source="));
        var focused = Page.Locator(":focus");
        await Expect(focused).ToHaveAttributeAsync("aria-pressed", "true");

        // The facets are drawn anew for the restored view: the same value, no longer pressed, has focus.
        await Page.GoBackAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("source="));
        await Expect(focused).ToHaveAttributeAsync("data-value", value!);
        await Expect(focused).ToHaveAttributeAsync("aria-pressed", "false");

        await Page.GoForwardAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]source="));
        await Expect(focused).ToHaveAttributeAsync("data-value", value!);
        await Expect(focused).ToHaveAttributeAsync("aria-pressed", "true");

        // A chip, gone in the restored view, hands focus to the results.
        await Page.Locator("#active-filters .chip").FocusAsync();
        await Page.GoBackAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("source="));
        await Expect(Page.Locator("#results")).ToBeFocusedAsync();
        Assert.Empty(_pageErrors);
    }
}
