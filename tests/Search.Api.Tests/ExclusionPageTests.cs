using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>A query that only excludes words lists every other article, newest first, and the order box says so.</summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task AQueryOfExclusionsOnlyListsTheOtherArticlesNewestFirst()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString("-الاتصالات"));

        await Expect(Page.Locator("#results .hit").First).ToBeVisibleAsync();
        Assert.Equal("newest", await Page.Locator("#sort").InputValueAsync());
        Assert.DoesNotContain("الاتصالات", await Page.Locator("#results").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(_pageErrors);
    }
}
