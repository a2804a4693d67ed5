using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// A 200 answer of the wrong shape (a proxy's JSON, a changed service) is the page's generic error, in Arabic, never
/// a script error over an empty list ("٣ نتيجة (ليس رقمًا ملّي ثانية)").
/// </summary>
public sealed partial class SearchPageTests
{
    /// <summary>The fields a search answer ends with, none of them read by the page.</summary>
    private const string SearchAnswerEnd = "\"query\":\"x\",\"page\":1,\"pageSize\":10,\"sort\":\"relevance\",\"nextCursor\":null}";

    [SkippableTheory]
    [InlineData("""{"total":3}""")]
    [InlineData("""{"total":1,"tookMs":1,"hits":[{"id":"a","title":"t"}],"facets":null,""" + SearchAnswerEnd)]
    [InlineData("""{"total":1,"tookMs":1,"hits":[{"id":"a","title":"t","highlights":{"title":"t","snippets":null}}],"facets":null,""" + SearchAnswerEnd)]
    [InlineData("""{"total":1,"tookMs":1,"hits":null,"facets":null,""" + SearchAnswerEnd)]
    [InlineData("""{"total":"1","tookMs":1,"hits":[],"facets":null,""" + SearchAnswerEnd)]
    [InlineData("""{"total":1,"hits":[],"facets":null,""" + SearchAnswerEnd)]
    [InlineData("""{"total":1,"tookMs":1,"hits":[],"facets":{"source":{"a":1}},""" + SearchAnswerEnd)]
    [InlineData("[]")]
    public async Task ASearchAnswerOfTheWrongShapeIsTheGenericErrorNotAScriptError(string body)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body }));

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex(Regex.Escape(Generic)));
        await AssertArabicOnlyAsync(line);
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
        await Expect(Page.Locator("#facets")).ToBeHiddenAsync();
        await Expect(Page.Locator("#sort-box")).ToBeHiddenAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData("{}")]
    [InlineData("""{"id":"a","title":"t","tags":"كتاب"}""")]
    [InlineData("""{"id":"a","title":{"ar":"t"}}""")]
    public async Task AnArticleAnswerOfTheWrongShapeIsTheArticlePagesGenericError(string body)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/articles/[^/?]+$"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body }));

        await Page.GotoAsync("/article.html?id=sample-tech-001");

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex(Regex.Escape(Generic)));
        await Expect(Page.Locator("#article")).ToBeHiddenAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task RelatedStoriesOfTheWrongShapeAreLeftOut()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/articles/[^/?]+/related"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = """{"hits":[{"id":"a"}, null]}""" }));

        await Page.GotoAsync("/article.html?id=sample-tech-001");

        await Expect(Page.Locator("#article")).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await Expect(Page.Locator("#related-box")).ToBeHiddenAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData("""{"hits":[{"id":"a"}]}""")]
    [InlineData("""{"hits":[],"sections":[{"value":1}]}""")]
    [InlineData("""{"total":3}""")]
    public async Task ALatestAnswerOfTheWrongShapeIsTheHomePagesGenericError(string body)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/latest\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body }));

        await Page.GotoAsync("/");

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex(Regex.Escape(Generic)));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task SuggestionsOfTheWrongShapeAreLeftOutNeverShownOrPickedAsUndefined()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/suggest\?"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$"""{"suggestions":[{"text":"{{Telecom}}"},null,{"highlighted":"<mark>x</mark>"},{"text":"{{Telecom}}","highlighted":"<mark>الات</mark>صالات","kind":"word"}]}""",
        }));
        await Page.GotoAsync("/");

        await Page.Locator("#q").PressSequentiallyAsync("الات");
        var options = Page.Locator("#suggestions [role=option]");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options).ToHaveTextAsync(Telecom);
        await Page.Locator("#q").PressAsync("ArrowDown");
        await Page.Locator("#q").PressAsync("Enter");
        await Expect(Page.Locator("#q")).ToHaveValueAsync(Telecom);
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.Empty(_pageErrors);
    }
}
