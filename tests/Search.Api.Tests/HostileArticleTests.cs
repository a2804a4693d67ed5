using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// Stored text never runs as HTML: an article written through the API with markup in its title, source, section and
/// tags shows all of it as text on the results, its own page and the home page; a <c>javascript:</c> URL is refused
/// when written (<c>ArticleDraftTests</c> has the forms it takes).
/// </summary>
public sealed partial class SearchPageTests
{
    private const string HostileId = "hostile-markup";
    private const string HostileSource = "<script>alert(2)</script>";
    private const string HostileTag = "<b onmouseover=alert(3)>وسم</b>";

    /// <summary>Written now, so it is the newest story on the home page; its body holds a word no other article has.</summary>
    private static string HostileArticle() => JsonSerializer.Serialize(new
    {
        title = Markup,
        lead = "<svg onload=alert(4)>",
        body = "حكاية الزنجبيل المسحور في سوق المدينة القديمة.\n<iframe src=javascript:alert(5)></iframe>",
        source = HostileSource,
        section = "<i>قسم</i>",
        tags = new[] { HostileTag },
        publishedAt = DateTimeOffset.UtcNow,
    });

    [SkippableFact]
    public async Task MarkupInAStoredArticleShowsAsTextOnTheResultsTheArticleAndTheHomePage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        using (var client = browser.CreateWriter())
        {
            using var scriptLink = await client.PutAsync("/api/articles/hostile-link", new StringContent("""{"title":"عنوان","url":"javascript:alert(1)"}""", System.Text.Encoding.UTF8, "application/json"));
            var problem = await scriptLink.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest);
            Assert.Equal("url", problem.GetProperty("errors").EnumerateObject().Single().Name);
        }

        await browser.PutArticleAsync(HostileId, HostileArticle());

        await ShowResultsAsync("الزنجبيل");
        var hit = Page.Locator("#results .hit").First;
        await Expect(hit.Locator("h2")).ToHaveTextAsync(Markup);
        Assert.Equal($"/article.html?id={HostileId}", await hit.Locator("h2 a").GetAttributeAsync("href"));
        await Expect(hit.Locator(".source")).ToHaveTextAsync(HostileSource);
        await AssertNothingRanAsync();

        await Page.GotoAsync($"/article.html?id={HostileId}");
        await Expect(Page.Locator("#title")).ToHaveTextAsync(Markup);
        await Expect(Page.Locator("#lead")).ToHaveTextAsync("<svg onload=alert(4)>");
        await Expect(Page.Locator("#body p").Last).ToHaveTextAsync("<iframe src=javascript:alert(5)></iframe>");
        await Expect(Page.Locator("#meta .source a")).ToHaveTextAsync(HostileSource);
        await Expect(Page.Locator("#tags a")).ToHaveTextAsync(HostileTag);
        await Expect(Page.Locator("#original")).ToBeHiddenAsync();
        Assert.Null(await Page.Locator("#original-link").GetAttributeAsync("href"));
        await Expect(Page).ToHaveTitleAsync(new Regex(Regex.Escape(Markup)));
        await Page.Locator("#tags a").HoverAsync();
        await AssertNothingRanAsync();

        await Page.GotoAsync("/");
        var newest = Page.Locator("#latest .hit").First;
        await Expect(newest.Locator("h2")).ToHaveTextAsync(Markup);
        Assert.Equal($"/article.html?id={HostileId}", await newest.Locator("h2 a").GetAttributeAsync("href"));
        await Expect(Page.Locator("#browse [data-browse=source] .label", new() { HasTextString = HostileSource })).ToHaveCountAsync(1);
        await AssertNothingRanAsync();
    }

    /// <summary>No element came from stored text, no script ran, and nothing is a script link.</summary>
    private async Task AssertNothingRanAsync()
    {
        foreach (var tag in new[] { "img", "svg", "iframe", "b", "i" })
        {
            Assert.Equal(0, await Page.Locator($"main {tag}, aside {tag}, nav {tag}").CountAsync());
        }

        Assert.Equal(1, await Page.Locator("script").CountAsync());
        Assert.Equal(0, await Page.Locator("a[href^='javascript' i]").CountAsync());
        Assert.Empty(_dialogs);
        Assert.Empty(_pageErrors);
    }
}
