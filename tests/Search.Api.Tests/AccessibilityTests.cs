using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// axe-core (from npm, <c>axe/package-lock.json</c>) run inside the pages finds no serious or critical violation, and a
/// results page reads on a 390-px-wide phone without scrolling sideways.
/// </summary>
public sealed partial class SearchPageTests
{
    private const int PhoneWidth = 390;

    [SkippableFact]
    public async Task AxeFindsNoSeriousViolationOnTheHomeResultsAndArticlePagesNorInTheOpenSuggestions()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var axe = await AxeSourceAsync();

        await Page.GotoAsync("/");
        await Page.Locator("#latest .hit").First.WaitForAsync();
        await AssertNoSeriousViolationsAsync(axe, "the home page");

        await ShowResultsAsync(Telecom);
        await Expect(Page.Locator("#facets")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(axe, "a results page");

        await AnswerSuggestionsAsync();
        await Page.Locator("#q").FillAsync("");
        await Page.Locator("#q").PressSequentiallyAsync("الاتصا");
        await Expect(Page.Locator("#suggestions [role=option]")).ToHaveCountAsync(Completions.Length);
        await Page.Locator("#q").PressAsync("ArrowDown");
        await AssertNoSeriousViolationsAsync(axe, "the open suggestion list");

        await Page.GotoAsync("/article.html?id=sample-tech-001");
        await Page.Locator("#related li").First.WaitForAsync();
        await AssertNoSeriousViolationsAsync(axe, "an article page");
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AResultsPageFitsA390PixelPhoneWithoutSidewaysScrolling()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            TimezoneId = TimeZone,
        });
        var page = await phone.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));
        await page.Locator("#results .hit").First.WaitForAsync();
        await Expect(page.Locator("#facets")).ToBeVisibleAsync();

        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]");
        Assert.Equal(PhoneWidth, width[2]);
        Assert.True(width[0] <= width[1], $"the page is {width[0]} px wide in a {width[1]} px window");
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("body *")]
              .filter(node => { const box = node.getBoundingClientRect(); return box.width > 0 && (box.left < -1 || box.right > window.innerWidth + 1); })
              .map(node => node.tagName + "#" + node.id + "." + node.className)
            """);
        Assert.Empty(overflowing);

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"results-phone-{PhoneWidth}px.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Empty(errors);
    }

    [SkippableFact]
    public async Task OnA360PixelPhoneEveryLinkAndControlIsAtLeast24PixelsEachWay()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        foreach (var (path, loaded) in new[] { ("/?q=" + Uri.EscapeDataString(Telecom), "#results .hit"), ("/article.html?id=sample-tech-001", "#related li") })
        {
            await page.GotoAsync(path);
            await page.Locator(loaded).First.WaitForAsync();
            // Every box of each target (a title on two lines has two), as a finger meets it.
            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll("a, button, input, select")].flatMap(node => [...node.getClientRects()]
                  .filter(box => box.height < 24 || box.width < 24)
                  .map(box => `${node.tagName} "${node.textContent.trim().slice(0, 20)}" ${Math.round(box.width)}x${Math.round(box.height)}`))
                """);
            Assert.True(small.Length == 0, $"{path}: " + string.Join("; ", small));
        }
    }

    /// <summary>axe-core's script, as <c>npm ci</c> in <c>tests/Search.Api.Tests/axe</c> installs it. CI must have it;
    /// elsewhere the test skips without it, as the browser tests do without Chromium.</summary>
    private static async Task<string> AxeSourceAsync()
    {
        if (!File.Exists(BrowserFixture.AxeScriptPath))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"axe-core is missing at {BrowserFixture.AxeScriptPath}: run npm ci in tests/Search.Api.Tests/axe");
            Skip.If(true, $"axe-core is not installed at {BrowserFixture.AxeScriptPath} (npm ci in tests/Search.Api.Tests/axe)");
        }

        return await File.ReadAllTextAsync(BrowserFixture.AxeScriptPath);
    }

    /// <summary>
    /// Injects axe through the browser's own evaluation (which the page's policy does not govern: a script tag would
    /// be refused) and fails on any serious or critical violation, naming the rule and the elements.
    /// </summary>
    private async Task AssertNoSeriousViolationsAsync(string axe, string what)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await Page.EvaluateAsync(axe);
        }

        var violations = await Page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
              .map(violation => ({ id: violation.id, impact: violation.impact || "", targets: violation.nodes.map(node => node.target.join(" ")).join(", ") }))
            """);
        var serious = violations.EnumerateArray()
            .Where(violation => violation.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(violation => $"{violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("targets").GetString()}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {what}: " + string.Join("; ", serious));
    }
}
