using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// What the page says when a search fails: an Arabic sentence chosen by the problem body's <c>code</c>, else by the
/// HTTP status, in the live region; never the service's English details, and never a script error over half a page
/// when a 200 answer is not of the expected shape.
/// </summary>
public sealed partial class SearchPageTests
{
    private const string Generic = "حدث خطأ في خدمة البحث";

    [SkippableFact]
    public async Task AQueryOverTheLengthLimitIsRefusedInArabicNotWithTheServicesEnglishDetail()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?q=" + new string('a', 1001));

        var status = Page.Locator("#status");
        await Expect(status).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(status).ToHaveTextAsync(new Regex("عبارة البحث أطول"));
        await AssertArabicOnlyAsync(status);
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData(429, "application/problem+json", """{"title":"Too many requests from this address","status":429,"detail":"Slow down.","code":"rate_limited"}""", "انتظر لحظة")]
    [InlineData(429, "text/plain", "Slow down.", "انتظر لحظة")]
    [InlineData(503, "application/problem+json", """{"title":"Too many concurrent searches","status":503,"detail":"Try again.","code":"overloaded"}""", "مشغولة")]
    [InlineData(503, "text/html", "<html><body>Service Unavailable</body></html>", "مشغولة")]
    [InlineData(503, "application/problem+json", """{"title":"The index is not available","status":503,"code":"index_unavailable"}""", "غير متاحة")]
    [InlineData(400, "application/problem+json", """{"title":"The request is malformed","status":400,"code":"malformed_request"}""", "لم تفهم خدمة البحث")]
    [InlineData(500, "application/problem+json", """{"title":"An unexpected error occurred","status":500,"detail":"NullReferenceException","code":"internal_error"}""", Generic)]
    [InlineData(502, "text/html", "<html><body>Bad Gateway</body></html>", Generic)]
    [InlineData(418, "application/problem+json", """{"title":"Teapot","status":418,"code":"some_future_code"}""", Generic)]
    [InlineData(200, "text/html", "<!doctype html><title>Login</title><p>Please sign in</p>", Generic)]
    [InlineData(200, "application/json", "null", Generic)]
    public async Task AFailedOrMisshapenAnswerIsExplainedInArabicByItsCodeOrStatus(int status, string contentType, string body, string expected)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = status, ContentType = contentType, Body = body }));

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex(Regex.Escape(expected)));
        await AssertArabicOnlyAsync(line);
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
        await Expect(Page.Locator("#facets")).ToBeHiddenAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData(429, """{"title":"Too many requests from this address","status":429,"detail":"Slow down.","code":"rate_limited"}""", "انتظر لحظة")]
    public async Task TheHomePageExplainsAFailedOrMisshapenAnswerInArabic(int status, string body, string expected)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/latest\?"), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = status, ContentType = "application/json", Body = body }));

        await Page.GotoAsync("/");

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex(Regex.Escape(expected)));
        await AssertArabicOnlyAsync(line);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheArticlePageExplainsAFailureInArabic()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/articles/[^/?]+$"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"title":"Too many concurrent searches","status":503,"detail":"Try again.","code":"overloaded"}""",
        }));

        await Page.GotoAsync("/article.html?id=sample-tech-001");

        var line = Page.Locator("#status");
        await Expect(line).ToHaveClassAsync(new Regex(@"\berror\b"));
        await Expect(line).ToHaveTextAsync(new Regex("مشغولة"));
        await AssertArabicOnlyAsync(line);
        Assert.Empty(_pageErrors);
    }

    /// <summary>The line holds no Latin letter: none of the service's English title, detail, errors or status text.</summary>
    private static async Task AssertArabicOnlyAsync(ILocator line)
    {
        var text = await line.InnerTextAsync();
        Assert.False(LatinLetters().IsMatch(text), $"English on the page: {text}");
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetters();
}
