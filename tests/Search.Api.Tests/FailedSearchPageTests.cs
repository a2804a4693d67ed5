using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// A search that fails after one that succeeded leaves nothing of the earlier answer to act on: its facets and sort
/// box were counted for other words. The home and article pages, like a search, end a wait the service never answers
/// with a message.
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

    [SkippableTheory]
    [InlineData("/", @"/api/latest\?")]
    [InlineData("/article.html?id=sample-tech-001", @"/api/articles/[^/?]+$")]
    public async Task AHomeOrArticlePageTheServiceNeverAnswersEndsWithAMessageNotAnEndlessWait(string path, string api)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var held = new TaskCompletionSource();
        await Page.Clock.InstallAsync();
        await Page.RouteAsync(new Regex(api), async route =>
        {
            // A proxy that holds the connection open: no answer until the test ends.
            await held.Task;
            await route.AbortAsync();
        });
        try
        {
            await Page.GotoAsync(path);
            await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("^جارٍ"));

            await Page.Clock.RunForAsync(11_000);

            await Expect(Page.Locator("#status")).ToHaveClassAsync(new Regex(@"\berror\b"));
            await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("لم تُجب خدمة البحث"));
        }
        finally
        {
            held.SetResult();
        }
    }
}
