using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>The search page at <c>/</c> in headless Chromium, against the service on the sample corpus.</summary>
public sealed partial class SearchPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Telecom = "الاتصالات";
    private const string EveryArticle = "ال*";
    private const string Markup = "<img src=x onerror=alert(1)>";

    /// <summary>Markup typed as a query, sharing no word with any article (the tests store one titled <see cref="Markup"/>),
    /// so the page echoes it in its no-results line.</summary>
    private const string MarkupQuery = "<details open ontoggle=confirm(8)>";
    private const string ScreenshotPath = "/tmp/search-page.png";

    /// <summary>The reader's time zone: dates, Gregorian and Hijri, are shown in it.</summary>
    private const string TimeZone = "Asia/Riyadh";

    private const string CspViolationPrefix = "CSP violation:";
    private const string CspViolationReporter =
        "document.addEventListener('securitypolicyviolation', event => console.error('" + CspViolationPrefix + " ' + event.violatedDirective + ' ' + event.blockedURI));";

    private readonly List<string> _pageErrors = [];
    private readonly List<string> _cspViolations = [];
    private readonly List<string> _dialogs = [];
    private IBrowserContext? _context;

    private IPage Page { get; set; } = null!;

    public async Task InitializeAsync()
    {
        if (!BrowserFixture.ChromiumInstalled)
        {
            return;
        }

        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), TimezoneId = TimeZone });
        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);

        // A page that breaks its Content-Security-Policy fails the test like a script error: Chromium logs each
        // refusal, and the listener (installed by the browser, outside the page's policy) names the directive.
        await Page.AddInitScriptAsync(CspViolationReporter);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith(CspViolationPrefix, StringComparison.Ordinal)))
            {
                _cspViolations.Add(message.Text);
                _pageErrors.Add(message.Text);
            }
        };
        Page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task SearchingFromTheBoxShowsHighlightedHitsAndPutsTheQueryInTheAddress()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        var html = Page.Locator("html");
        Assert.Equal("rtl", await html.GetAttributeAsync("dir"));
        Assert.Equal("ar", await html.GetAttributeAsync("lang"));

        await Page.Locator("#q").FillAsync(Telecom);
        await Page.Locator("#search-form button[type=submit]").ClickAsync();
        await Page.Locator("#results .hit").First.WaitForAsync();

        Assert.True(await Page.Locator("#results .hit").CountAsync() >= 1);
        var marks = await Page.Locator("#results mark").AllInnerTextsAsync();
        Assert.Contains(marks, mark => mark.Contains(Telecom, StringComparison.Ordinal));

        await Expect(Page.Locator("#status")).ToHaveTextAsync(CountLine());
        var status = await Page.Locator("#status").InnerTextAsync();
        Assert.Equal(await TotalFromApiAsync(Telecom), LeadingNumber(status));
        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));

        var address = new Uri(Page.Url);
        Assert.StartsWith("?q=", address.Query, StringComparison.Ordinal);
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(address.Query)["q"].ToString());

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task MarkupTypedAsAQueryIsShownAsTextAndNeverInjected()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Page.Locator("#q").FillAsync(MarkupQuery);
        await Page.Locator("#q").PressAsync("Enter");

        var status = Page.Locator("#status");
        await Expect(status).ToHaveTextAsync(new Regex("نتائج|نتيجة"));
        Assert.Contains(MarkupQuery, await status.InnerTextAsync(), StringComparison.Ordinal);
        await Expect(status).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.Equal(0, await Page.Locator("#results img").CountAsync());
        Assert.Equal(0, await Page.Locator("img").CountAsync());
        Assert.Empty(_dialogs);
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData("/?q=")]
    [InlineData("/?q=%20%20")]
    public async Task EmptyQueryInTheAddressShowsNoErrorAndNoHits(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.DoesNotContain("تعذّر", await Page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("#results .hit").CountAsync());
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task NextButtonShowsTheSecondPageAnnouncesItAndPutsItInTheAddress()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(EveryArticle);
        var firstPage = await Page.Locator("#results .hit h2").AllInnerTextsAsync();
        await Expect(Page.Locator("#pager")).ToBeVisibleAsync();
        await Expect(Page.Locator("#prev")).ToBeDisabledAsync();

        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("، صفحة ١ من [٠-٩]+$"));

        await Page.Locator("#next").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]page=2"));
        await Expect(Page.Locator("#prev")).ToBeEnabledAsync();
        // The live line names the page, so the turn is announced while focus stays on Next.
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("، صفحة ٢ من [٠-٩]+$"));
        var secondPage = await Page.Locator("#results .hit h2").AllInnerTextsAsync();

        Assert.NotEmpty(secondPage);
        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.Equal("11", await Page.Locator("#results").GetAttributeAsync("start"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task PagerIsHiddenWhenThereIsOnlyOnePage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Expect(Page.Locator("#pager")).ToBeHiddenAsync();

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.True(await TotalFromApiAsync(Telecom) <= 10);
        await Expect(Page.Locator("#pager")).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task ClickingAFacetValueFiltersTheResultsAndItsChipRemovesTheFilter()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(EveryArticle);
        var everything = LeadingNumber(await Page.Locator("#status").InnerTextAsync());
        var firstSource = Page.Locator("#facets [data-facet=source] .facet-value").First;
        var source = await firstSource.GetAttributeAsync("data-value");
        var count = Number(await firstSource.Locator(".count").InnerTextAsync());
        Assert.False(string.IsNullOrEmpty(source));
        Assert.True(count < everything);

        await firstSource.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]source="));
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex($"^{Regex.Escape(ArabicDigits(count))} نتيجة"));
        Assert.Equal(source, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["source"].ToString());
        var sources = await Page.Locator("#results .hit .source").AllInnerTextsAsync();
        Assert.NotEmpty(sources);
        Assert.All(sources, shown => Assert.Equal(source, shown));
        await Expect(Page.Locator("#facets [data-facet=source] .facet-value[aria-pressed=true]")).ToHaveCountAsync(1);

        var chip = Page.Locator("#active-filters .chip");
        await Expect(chip).ToHaveCountAsync(1);
        Assert.Contains(source!, await chip.InnerTextAsync(), StringComparison.Ordinal);
        await chip.ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("source="));
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex($"^{Regex.Escape(ArabicDigits(everything))} نتيجة"));
        await Expect(Page.Locator("#active-filters")).ToBeHiddenAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ChoosingNewestOrdersTheHitsByDateAndPutsTheSortInTheAddress()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(EveryArticle);
        await Page.Locator("#sort").SelectOptionAsync("newest");

        await Expect(Page).ToHaveURLAsync(new Regex("[?&]sort=newest"));
        await Expect(Page.Locator("#results .hit").First).ToBeVisibleAsync();
        var times = await PublishedTimesAsync();
        Assert.True(times.Count >= 2);
        Assert.Equal(times.OrderDescending(), times);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AFilterWithoutWordsBrowsesThatSectionNewestFirst()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        const string economy = "اقتصاد";

        await Page.GotoAsync("/?section=" + Uri.EscapeDataString(economy));
        await Page.Locator("#results .hit").First.WaitForAsync();

        Assert.All(await Page.Locator("#results .hit .section").AllInnerTextsAsync(), section => Assert.Equal(economy, section));
        var times = await PublishedTimesAsync();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal("newest", await Page.Locator("#sort").InputValueAsync());
        Assert.True(await Page.Locator("#sort option[value=relevance]").EvaluateAsync<bool>("option => option.disabled"));
        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AMonthFacetKeepsOnlyThatMonthsArticles()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(EveryArticle);
        var month = Page.Locator("#facets [data-facet=month] .facet-value").First;
        var value = await month.GetAttributeAsync("data-value");
        var count = Number(await month.Locator(".count").InnerTextAsync());

        await month.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]month=" + value));
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex($"^{Regex.Escape(ArabicDigits(count))} نتيجة"));
        var times = await PublishedTimesAsync();
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.Equal(value, time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AHitOpensItsStoredTextWithRelatedStories()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(Telecom);
        var firstHit = Page.Locator("#results .hit").First;
        var title = await firstHit.Locator("h2").InnerTextAsync();
        await firstHit.Locator(".more a").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/article\.html\?id="));
        var id = QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["id"].ToString();
        await Expect(Page.Locator("#title")).ToHaveTextAsync(title);
        Assert.True(await Page.Locator("#body p").CountAsync() >= 1);
        await Page.Locator("#related li a").First.WaitForAsync();
        var related = await Page.Locator("#related li a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.All(related, href => Assert.StartsWith("/article.html?id=", href, StringComparison.Ordinal));
        Assert.DoesNotContain($"/article.html?id={Uri.EscapeDataString(id)}", related);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AnUnknownArticleSaysSoAndShowsItsIdAsText()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/article.html?id=" + Uri.EscapeDataString(Markup));

        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("لم يُعثر"));
        Assert.Contains(Markup, await Page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        await Expect(Page.Locator("#article")).ToBeHiddenAsync();
        Assert.Equal(0, await Page.Locator("img").CountAsync());
        Assert.Empty(_dialogs);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task KeyboardFocusStaysOnThePageControlUsedAndNeverFallsToTheTopOfThePage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await ShowResultsAsync(EveryArticle);

        // The pager is hidden while a page loads: the Next button pressed gets focus back once it is shown again.
        await Page.Locator("#next").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]page=2"));
        await Expect(Page.Locator("#next")).ToBeFocusedAsync();

        // A facet value is drawn anew with the results: the same value, now pressed, keeps focus.
        var facet = Page.Locator("#facets [data-facet=source] .facet-value").First;
        var value = await facet.GetAttributeAsync("data-value");
        await facet.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("[?&]source="));
        var focused = Page.Locator(":focus");
        await Expect(focused).ToHaveAttributeAsync("data-value", value!);
        await Expect(focused).ToHaveAttributeAsync("aria-pressed", "true");

        // A chip goes away when used: focus moves to the results, not to the document.
        await Page.Locator("#active-filters .chip").First.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).Not.ToHaveURLAsync(new Regex("source="));
        await Expect(Page.Locator("#results")).ToBeFocusedAsync();
        Assert.Empty(_pageErrors);
    }

    [SkippableTheory]
    [InlineData(7)]
    [InlineData(1001)] // past the 10,000 hits page numbers reach, which the service refuses with a 400
    [InlineData(99999999)]
    public async Task AnAddressPastTheLastPageShowsTheLastPage(int page)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var lastPage = (int)Math.Ceiling(await TotalFromApiAsync(EveryArticle) / 10.0);
        Assert.True(lastPage < page);

        await Page.GotoAsync($"/?q={Uri.EscapeDataString(EveryArticle)}&page={page}");

        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"[?&]page={lastPage}$"));
        await Expect(Page.Locator("#page-label")).ToHaveTextAsync($"صفحة {ArabicDigits(lastPage)} من {ArabicDigits(lastPage)}");
        await Expect(Page.Locator("#next")).ToBeDisabledAsync();
        await Expect(Page.Locator("#status")).Not.ToHaveClassAsync(new Regex(@"\berror\b"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ASearchTheServiceNeverAnswersEndsWithAMessageNotAnEndlessWait()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var held = new TaskCompletionSource();
        await Page.Clock.InstallAsync();
        await Page.RouteAsync("**/api/search?*", async route =>
        {
            // A proxy that holds the connection open: no answer until the test ends.
            await held.Task;
            await route.AbortAsync();
        });
        try
        {
            await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));
            await Expect(Page.Locator("#status")).ToHaveTextAsync("جارٍ البحث…");

            await Page.Clock.RunForAsync(11_000);

            await Expect(Page.Locator("#status")).ToHaveClassAsync(new Regex(@"\berror\b"));
            await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("لم تُجب خدمة البحث"));
        }
        finally
        {
            held.SetResult();
        }
    }

    [SkippableTheory]
    [InlineData("/?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA")]
    [InlineData("/article.html?id=sample-tech-001")]
    public async Task WithoutJavaScriptThePageSaysItNeedsIt(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        // What is rendered (innerText): the notice inside <noscript>, shown only when scripts do not run.
        Assert.Contains("جافاسكربت", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Opens the page on a query's results and waits for the first hit.</summary>
    private async Task ShowResultsAsync(string query)
    {
        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(query));
        await Page.Locator("#results .hit").First.WaitForAsync();
    }

    private async Task<List<DateTimeOffset>> PublishedTimesAsync(string list = "#results")
    {
        var values = await Page.Locator($"{list} .hit time").EvaluateAllAsync<string[]>("nodes => nodes.map(node => node.dateTime)");
        return [.. values.Select(value => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static int Number(string digits) =>
        digits.Where(char.IsDigit).Aggregate(0, (number, digit) => (number * 10) + (int)char.GetNumericValue(digit));

    private static string ArabicDigits(int number) =>
        string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => (char)('٠' + (digit - '0'))));

    [Fact]
    public void PlaywrightDriverShipsInTheBuildOutput()
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");

        Assert.True(Directory.Exists(Path.Combine(driver, "node")), $"no Playwright node runtime under {driver}");
        Assert.True(Directory.Exists(Path.Combine(driver, "package")), $"no Playwright driver package under {driver}");
    }

    private async Task<int> TotalFromApiAsync(string query)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        var results = await client.GetFromJsonAsync<SearchResultsBody>("/api/search?q=" + Uri.EscapeDataString(query));
        return results!.Total;
    }

    /// <summary>The number the status line starts with, in Arabic-Indic or ASCII digits.</summary>
    private static int LeadingNumber(string status)
    {
        var digits = CountLine().Match(status).Groups["count"].Value;
        return digits.Aggregate(0, (number, digit) => (number * 10) + (int)char.GetNumericValue(digit));
    }

    [GeneratedRegex(@"^(?<count>[0-9٠-٩]+) نتيجة")]
    private static partial Regex CountLine();
}
