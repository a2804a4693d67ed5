using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>The home page (<c>/</c> with neither words nor filters): the newest stories and what to browse.</summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task TheHomePageListsTheLatestStoriesNewestFirst()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Page.Locator("#latest .hit").First.WaitForAsync();
        var latest = await LatestFromApiAsync();

        await Expect(Page.Locator("#home-heading")).ToBeVisibleAsync();
        var titles = await Page.Locator("#latest .hit h2").AllInnerTextsAsync();
        Assert.True(titles.Count >= 10, $"only {titles.Count} stories");
        Assert.Equal(latest.Hits.Select(hit => hit.Title), titles);
        var times = await PublishedTimesAsync("#latest");
        Assert.Equal(titles.Count, times.Count);
        Assert.Equal(times.OrderDescending(), times);
        var links = await Page.Locator("#latest .hit .more a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.Equal(latest.Hits.Select(hit => $"/article.html?id={Uri.EscapeDataString(hit.Id)}"), links);
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
        await Expect(Page.Locator("#facets")).ToBeHiddenAsync();
        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheHomePageOffersTheSectionsAndSourcesAsLinksThatBrowseThem()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Page.Locator("#browse [data-browse=source] a").First.WaitForAsync();
        var latest = await LatestFromApiAsync();
        Assert.Equal(latest.Sections.Select(value => value.Value), await Page.Locator("#browse [data-browse=section] .label").AllInnerTextsAsync());
        Assert.Equal(latest.Sources.Select(value => value.Value), await Page.Locator("#browse [data-browse=source] .label").AllInnerTextsAsync());

        var section = latest.Sections[0].Value;
        await Page.Locator("#browse [data-browse=section] a").First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]section="));
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.All(await Page.Locator("#results .hit .section").AllInnerTextsAsync(), shown => Assert.Equal(section, shown));
        await Expect(Page.Locator("#home")).ToBeHiddenAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex($"^{Regex.Escape(ArabicDigits(latest.Sections[0].Count))} نتيجة"));

        await Page.GoBackAsync();
        var source = latest.Sources[^1].Value;
        await Page.Locator("#browse [data-browse=source] a").Last.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]source="));
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.All(await Page.Locator("#results .hit .source").AllInnerTextsAsync(), shown => Assert.Equal(source, shown));
        Assert.Empty(_pageErrors);
    }

    private async Task<LatestBody> LatestFromApiAsync()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        return (await client.GetFromJsonAsync<LatestBody>("/api/latest"))!;
    }
}
