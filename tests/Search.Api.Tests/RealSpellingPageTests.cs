using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// The suggestion box and "هل تقصد" end to end: the page against the real <c>/api/suggest</c> and the real spelling
/// engine over the sample articles, nothing answered by the test. (The other page tests answer those endpoints per
/// their contract, to reach cases the sample cannot: a late answer, an ampersand in a title.)
/// </summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task TheRealSuggestionsFillTheBoxAndTheFirstOneSearches()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        const string typed = "الاتصا";
        var expected = await SuggestionsFromApiAsync(typed);
        Assert.NotEmpty(expected);

        await Page.GotoAsync("/");
        await Page.Locator("#q").PressSequentiallyAsync(typed);
        var options = Page.Locator("#suggestions [role=option]");
        await Expect(options).ToHaveCountAsync(expected.Count);
        await Expect(options.Nth(0).Locator(".suggestion-text")).ToHaveTextAsync(expected[0]);
        await Expect(options.Nth(0).Locator("mark")).ToHaveCountAsync(1);

        await Page.Locator("#q").PressAsync("ArrowDown");
        await Page.Locator("#q").PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
        Assert.Equal(expected[0], QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.Equal(await TotalFromApiAsync(expected[0]), LeadingNumber(await Page.Locator("#status").InnerTextAsync()));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheRealSpellingEngineOffersTheCorrectionAndItsLinkRunsIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        const string doubled = "الاتصالاات"; // a letter doubled
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        using var answer = await client.GetFromJsonAsync<JsonDocument>($"/api/search?q={Uri.EscapeDataString(doubled)}");
        Assert.True(answer!.RootElement.TryGetProperty("didYouMean", out var corrected), "the engine offered no correction");
        Assert.Equal(Telecom, corrected.GetString());

        await Page.GotoAsync($"/?q={Uri.EscapeDataString(doubled)}");
        await Expect(Page.Locator("#did-you-mean")).ToHaveTextAsync($"هل تقصد: {Telecom}");
        await Page.Locator("#did-you-mean-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page.Locator("#did-you-mean")).ToBeHiddenAsync();
        Assert.Equal(await TotalFromApiAsync(Telecom), LeadingNumber(await Page.Locator("#status").InnerTextAsync()));
        Assert.Empty(_pageErrors);
    }

    private async Task<List<string>> SuggestionsFromApiAsync(string typed)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        using var answer = await client.GetFromJsonAsync<JsonDocument>($"/api/suggest?q={Uri.EscapeDataString(typed)}");
        return [.. answer!.RootElement.GetProperty("suggestions").EnumerateArray().Select(suggestion => suggestion.GetProperty("text").GetString()!)];
    }
}
