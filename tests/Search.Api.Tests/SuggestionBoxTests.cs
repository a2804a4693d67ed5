using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// Suggestions as you type, an ARIA 1.2 combobox on the search box. <c>/api/suggest</c> is answered here, per its
/// agreed contract (<c>{query, suggestions: [{text, highlighted, kind, count, id?}]}</c>), so the page is tested on
/// answers it cannot predict: the request is the page's, only the answer is made up.
/// </summary>
public sealed partial class SearchPageTests
{
    private static readonly Regex SuggestRoute = new(@"/api/suggest\?");

    /// <summary>Completions offered for whatever is typed: a word, a phrase and a title (holding an ampersand).</summary>
    private static readonly (string Text, string Kind)[] Completions =
        [(Telecom, "word"), ("وزير الاتصالات", "phrase"), ("الاتصالات & الإنترنت في مصر", "title")];

    private readonly ConcurrentQueue<string> _suggestQueries = new();

    [SkippableFact]
    public async Task TwoLettersOpenTheSuggestionsAndTheKeyboardPicksOneAndSearchesIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await AnswerSuggestionsAsync();
        await Page.GotoAsync("/");
        var box = Page.Locator("#q");
        var list = Page.Locator("#suggestions");

        await box.PressSequentiallyAsync("ا");
        await Page.WaitForTimeoutAsync(500);
        Assert.Empty(_suggestQueries);
        await Expect(list).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.PressSequentiallyAsync("ل");
        var options = list.Locator("[role=option]");
        await Expect(options).ToHaveCountAsync(Completions.Length);
        Assert.Equal(["ال"], _suggestQueries.ToArray());

        await box.PressSequentiallyAsync("اتصا");
        await WaitUntilAsync(() => _suggestQueries.LastOrDefault() == "الاتصا", "the suggestions of the whole word");
        await Expect(options.Nth(0).Locator("mark")).ToHaveTextAsync("الاتصا");

        // Debounced: not a request per keystroke.
        Assert.True(_suggestQueries.Count < 5, string.Join(", ", _suggestQueries));
        await Expect(box).ToHaveAttributeAsync("role", "combobox");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToHaveAttributeAsync("aria-controls", "suggestions");
        await Expect(list).ToHaveAttributeAsync("role", "listbox");
        Assert.Equal("rtl", await list.EvaluateAsync<string>("node => getComputedStyle(node).direction"));
        await Expect(options.Nth(2).Locator(".suggestion-text")).ToHaveTextAsync("الاتصالات & الإنترنت في مصر");
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));

        await box.PressAsync("ArrowDown");
        await AssertActiveOptionAsync(0);
        await box.PressAsync("ArrowDown");
        await AssertActiveOptionAsync(1);
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        await AssertActiveOptionAsync(0);
        await box.PressAsync("ArrowUp");
        await AssertActiveOptionAsync(2);
        await box.PressAsync("ArrowUp");
        await AssertActiveOptionAsync(1);
        await Expect(box).ToBeFocusedAsync();

        await box.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
        Assert.Equal("وزير الاتصالات", QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Expect(box).ToHaveValueAsync("وزير الاتصالات");
        await Expect(list).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Page.Locator("#results .hit").First.WaitForAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync(CountLine());
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task EscapeClosesTheSuggestionsAndKeepsWhatWasTyped()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await AnswerSuggestionsAsync();
        await Page.GotoAsync("/");
        var box = Page.Locator("#q");

        await box.PressSequentiallyAsync("الاتصا");
        await Expect(Page.Locator("#suggestions [role=option]")).ToHaveCountAsync(Completions.Length);
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Escape");

        await Expect(Page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        await Expect(box).ToHaveValueAsync("الاتصا");
        Assert.Equal("/", new Uri(Page.Url).PathAndQuery);

        // ArrowDown opens the list again.
        await box.PressAsync("ArrowDown");
        await Expect(Page.Locator("#suggestions [role=option]")).ToHaveCountAsync(Completions.Length);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task GoingBackClosesTheSuggestionsForWhatWasBeingTyped()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await AnswerSuggestionsAsync();
        await Page.GotoAsync("/");
        var box = Page.Locator("#q");
        await box.FillAsync(Telecom);
        await box.PressAsync("Enter");
        await Page.Locator("#results .hit").First.WaitForAsync();
        await box.FillAsync("");
        await box.PressSequentiallyAsync("الاتصا");
        await Expect(Page.Locator("#suggestions [role=option]")).ToHaveCountAsync(Completions.Length);
        await box.PressAsync("ArrowDown");

        await Page.GoBackAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
        await Expect(box).ToHaveValueAsync("");
        await Expect(Page.Locator("#suggestions")).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ClickingASuggestionSearchesIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await AnswerSuggestionsAsync();
        await Page.GotoAsync("/");

        await Page.Locator("#q").PressSequentiallyAsync("الاتصا");
        await Page.Locator("#suggestions [role=option]").First.HoverAsync();
        await Page.Locator("#suggestions [role=option]").First.ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]q="));
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.Equal(await TotalFromApiAsync(Telecom), LeadingNumber(await Page.Locator("#status").InnerTextAsync()));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ANewKeystrokeAbortsTheRequestInFlightAndItsLateAnswerIsNeverShown()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var slowAnswerAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.RequestFailed += (_, request) =>
        {
            if (SuggestRoute.IsMatch(request.Url))
            {
                aborted.TrySetResult(QueryHelpers.ParseQuery(new Uri(request.Url).Query)["q"].ToString());
            }
        };
        await Page.RouteAsync(SuggestRoute, async route =>
        {
            var typed = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query)["q"].ToString();
            if (typed == "الا")
            {
                // The slow answer: held until the page has given up on it.
                slowAnswerAsked.TrySetResult();
                await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await FulfillQuietlyAsync(route, SuggestionsJson(typed, [("الأهلي يفوز بالقمة", "title")]));
                return;
            }

            await FulfillQuietlyAsync(route, SuggestionsJson(typed, Completions));
        });
        await Page.GotoAsync("/");
        var box = Page.Locator("#q");

        await box.PressSequentiallyAsync("الا");
        await slowAnswerAsked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await box.PressSequentiallyAsync("تصا");

        Assert.Equal("الا", await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var options = Page.Locator("#suggestions [role=option]");
        await Expect(options).ToHaveCountAsync(Completions.Length);
        await Page.WaitForTimeoutAsync(300);
        Assert.Equal(Completions.Select(completion => completion.Text), await options.Locator(".suggestion-text").AllInnerTextsAsync());
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheArticlePageSearchBoxSuggestsToo()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await AnswerSuggestionsAsync();
        await Page.GotoAsync("/article.html?id=sample-tech-001");

        var box = Page.Locator("#q");
        await box.PressSequentiallyAsync("الاتصا");
        await Expect(Page.Locator("#suggestions [role=option]")).ToHaveCountAsync(Completions.Length);
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/\?q="));
        Assert.Equal(Telecom, QueryHelpers.ParseQuery(new Uri(Page.Url).Query)["q"].ToString());
        await Page.Locator("#results .hit").First.WaitForAsync();
        Assert.Empty(_pageErrors);
    }

    /// <summary>Answers every suggestion request with <see cref="Completions"/> and records what was asked.</summary>
    private Task AnswerSuggestionsAsync() =>
        Page.RouteAsync(SuggestRoute, route =>
        {
            var typed = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query)["q"].ToString();
            _suggestQueries.Enqueue(typed);
            return FulfillQuietlyAsync(route, SuggestionsJson(typed, Completions));
        });

    private async Task AssertActiveOptionAsync(int index)
    {
        var option = Page.Locator("#suggestions [role=option]").Nth(index);
        var id = await option.GetAttributeAsync("id");
        Assert.False(string.IsNullOrEmpty(id));
        await Expect(Page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", id!);
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Page.Locator("#suggestions [role=option][aria-selected=true]")).ToHaveCountAsync(1);
    }

    /// <summary>A body as the contract has it: the typed text marked in the escaped completion.</summary>
    private static string SuggestionsJson(string typed, IEnumerable<(string Text, string Kind)> completions) =>
        JsonSerializer.Serialize(new
        {
            query = typed,
            suggestions = completions.Select((completion, rank) => new Dictionary<string, object>
            {
                ["text"] = completion.Text,
                ["highlighted"] = Marked(completion.Text, typed),
                ["kind"] = completion.Kind,
                ["count"] = 100 - rank,
                ["id"] = completion.Kind == "title" ? "sample-tech-001" : null!,
            }.Where(field => field.Value is not null).ToDictionary()),
        });

    private static string Marked(string text, string typed)
    {
        var at = text.IndexOf(typed, StringComparison.Ordinal);
        return at < 0
            ? WebUtility.HtmlEncode(text)
            : WebUtility.HtmlEncode(text[..at]) + "<mark>" + WebUtility.HtmlEncode(typed) + "</mark>" + WebUtility.HtmlEncode(text[(at + typed.Length)..]);
    }

    /// <summary>Fulfils a route; a request the page aborted meanwhile cannot be, which is what some tests want.</summary>
    private static async Task FulfillQuietlyAsync(IRoute route, string json)
    {
        try
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = json });
        }
        catch (PlaywrightException)
        {
        }
    }
}
