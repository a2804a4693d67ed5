using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>A query of stop words only is not searched (the service says so with <c>onlyStopWords</c>): the page says
/// the words are too common and asks for more specific ones, rather than "no results".</summary>
public sealed partial class SearchPageTests
{
    [SkippableTheory]
    [InlineData("في من")]
    [InlineData("هل ما")]
    public async Task AQueryOfStopWordsOnlyAsksForMoreSpecificWords(string query)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(query));

        var status = Page.Locator("#status");
        await Expect(status).ToHaveTextAsync(new Regex("شائعة جدًا"));
        await Expect(status).ToContainTextAsync("كلمات أدقّ");
        await Expect(status).ToContainTextAsync(query);
        await Expect(status).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.DoesNotContain("لا نتائج", await status.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AQueryWithNoMatchStillSaysNoResults()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?q=" + "qzxqzx");

        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("^لا نتائج"));
    }
}
