using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>The article page's tags and source lead to their stories on the search page; an article without tags has
/// no (empty) list of them.</summary>
public sealed partial class SearchPageTests
{
    private const string TaggedArticle = "sample-tech-001";

    /// <summary>"." and "..", which a browser drops from any URL path however encoded, open all the same. (Their words
    /// hold no "ال", so the tests that page through every article see as many pages as before.)</summary>
    [SkippableTheory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task AnArticleWhoseIdAPathReadsAsAStepOpensWithItsRelatedStories(string id)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var title = $"نقطة رقم {id.Length} في فهرس أخبار";
        await browser.PostBulkAsync($$"""{"id":"{{id}}","title":"{{title}}","body":"وزير اتصالات مصر يعلن بدء تشغيل شبكات جيل خامس 5G تجاريا في مصر."}""");

        await Page.GotoAsync("/article.html?id=" + Uri.EscapeDataString(id));

        await Expect(Page.Locator("#title")).ToHaveTextAsync(title);
        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        await Page.Locator("#related li a").First.WaitForAsync();
        Assert.DoesNotContain($"/article.html?id={Uri.EscapeDataString(id)}", await Page.Locator("#related li a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ATagOnTheArticlePageRunsASearchFilteredByThatTag()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        const string tag = "الذكاء الاصطناعي";

        await Page.GotoAsync($"/article.html?id={TaggedArticle}");
        await Expect(Page.Locator("#article")).ToBeVisibleAsync();
        var link = Page.Locator("#tags a", new() { HasTextString = "5G" });
        Assert.Equal("/?tag=5G", await link.GetAttributeAsync("href"));

        await Page.GotoAsync("/article.html?id=sample-tech-004");
        await Page.Locator("#tags a", new() { HasTextString = tag }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/\?tag="));
        Assert.Equal(tag, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["tag"].ToString());
        await Page.Locator("#results .hit").First.WaitForAsync();
        var expected = await IdsFromApiAsync("/api/search?tag=" + Uri.EscapeDataString(tag));
        Assert.True(expected.Count >= 2, $"only {expected.Count} articles tagged {tag}");
        Assert.Equal(expected.Select(id => $"/article.html?id={Uri.EscapeDataString(id)}"), await StoredArticleLinksAsync());
        var chip = Page.Locator("#active-filters .chip");
        await Expect(chip).ToHaveCountAsync(1);
        await Expect(chip).ToContainTextAsync(tag);

        await chip.ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("tag="));
        await Page.Locator("#latest .hit").First.WaitForAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheSourceOnTheArticlePageListsThatSourcesStories()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync($"/article.html?id={TaggedArticle}");
        var source = Page.Locator("#meta .source a");
        await Expect(source).ToBeVisibleAsync();
        var name = await source.InnerTextAsync();
        await source.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/\?source="));
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.All(await Page.Locator("#results .hit .source").AllInnerTextsAsync(), shown => Assert.Equal(name, shown));
        var times = await PublishedTimesAsync();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Empty(_pageErrors);
    }

    private async Task<IReadOnlyList<string>> StoredArticleLinksAsync() =>
        await Page.Locator("#results .hit .more a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");

    private async Task<IReadOnlyList<string>> IdsFromApiAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        var results = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<SearchResultsBody>(client, path);
        return results!.Ids;
    }

    [SkippableFact]
    public async Task AnArticleWithoutTagsHasNoEmptyTagList()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/articles/[^/?]+$"), route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = """{"id":"untagged","title":"خبر بلا وسوم","body":"نص الخبر."}""",
        }));

        await Page.GotoAsync("/article.html?id=untagged");
        await Expect(Page.Locator("#article")).ToBeVisibleAsync();
        // An empty list has no size, so "visible" cannot tell; the accessibility tree, which a screen reader reads, can.
        var tagList = Page.GetByRole(AriaRole.List, new() { Name = "الوسوم" });
        await Expect(tagList).ToHaveCountAsync(0);

        await Page.UnrouteAllAsync();
        await Page.GotoAsync($"/article.html?id={TaggedArticle}");
        await Expect(tagList).ToHaveCountAsync(1);
        Assert.Empty(_pageErrors);
    }
}
