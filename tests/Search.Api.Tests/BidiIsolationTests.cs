using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>
/// Text a reader typed or an article holds, echoed inside a line of the page's own words, is isolated: an unclosed
/// U+202E RIGHT-TO-LEFT OVERRIDE in it must not reorder the words after it, as it does in plain inline text.
/// </summary>
public sealed partial class SearchPageTests
{
    /// <summary>Latin letters (no article holds them) and an unclosed RIGHT-TO-LEFT OVERRIDE.</summary>
    private const string Overriding = "qzx\u202E";

    /// <summary>
    /// The left edge, in pixels, of the first rendering of <c>text</c> (one or more characters) among the text of the
    /// element the locator finds, across its descendants' text nodes.
    /// </summary>
    private const string LeftEdgeOf = """
        (root, text) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            return Math.min(...[...range.getClientRects()].map((rect) => rect.left));
          }
          throw new Error("not found: " + text);
        }
        """;

    /// <summary>Whether the element holding <c>text</c>, or one of its ancestors below the root, isolates it from the
    /// root's other text (the root itself, a paragraph, is isolated from its surroundings by the browser's own style).</summary>
    private const string IsIsolated = """
        (root, text) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.data.includes(text)) continue;
            for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
              if (["isolate", "isolate-override", "plaintext"].includes(getComputedStyle(element).unicodeBidi)) return true;
            }
            return false;
          }
          throw new Error("not found: " + text);
        }
        """;

    [SkippableFact]
    public async Task AnOverrideInTheQueryDoesNotReorderTheStatusLineAroundIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Overriding));
        var status = Page.Locator("#status");
        await Expect(status).ToHaveTextAsync(new Regex("لا نتائج"));

        // Right to left, the closing "»." follows the query, so it stands to its left; an override leaking out of the
        // query puts the full stop to the right of the query instead (qzx.» then «).
        var query = await status.EvaluateAsync<double>(LeftEdgeOf, "qzx");
        var fullStop = await status.EvaluateAsync<double>(LeftEdgeOf, "».");
        Assert.True(fullStop < query, $"the full stop is at {fullStop} px, the query at {query} px");
        Assert.True(await status.EvaluateAsync<bool>(IsIsolated, "qzx"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AnOverrideInAFilterValueDoesNotReorderItsChip()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/?source=" + Uri.EscapeDataString(Overriding));
        var chip = Page.Locator("#active-filters .chip");
        await Expect(chip).ToHaveCountAsync(1);
        await Expect(Page.Locator("#status")).ToHaveTextAsync(new Regex("لا أخبار"));

        // The remove sign follows the value, to its left.
        var value = await chip.EvaluateAsync<double>(LeftEdgeOf, "qzx");
        var remove = await chip.EvaluateAsync<double>(LeftEdgeOf, "×");
        Assert.True(remove < value, $"the remove sign is at {remove} px, the value at {value} px");
        Assert.True(await chip.EvaluateAsync<bool>(IsIsolated, "qzx"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task TheDidYouMeanQueryIsIsolatedFromItsLine()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        await Page.RouteAsync(new Regex(@"/api/search\?"), route => RewriteAsync(route, body => body["didYouMean"] = Overriding + " " + Telecom));

        await Page.GotoAsync("/?q=" + Uri.EscapeDataString(Telecom));
        var line = Page.Locator("#did-you-mean");
        await Expect(line).ToBeVisibleAsync();

        Assert.True(await line.EvaluateAsync<bool>(IsIsolated, "qzx"));
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task AnOverrideInAnUnknownArticleIdDoesNotReorderTheMessage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/article.html?id=" + Uri.EscapeDataString(Overriding));
        var status = Page.Locator("#status");
        await Expect(status).ToHaveTextAsync(new Regex("لم يُعثر"));

        var id = await status.EvaluateAsync<double>(LeftEdgeOf, "qzx");
        var fullStop = await status.EvaluateAsync<double>(LeftEdgeOf, "».");
        Assert.True(fullStop < id, $"the full stop is at {fullStop} px, the id at {id} px");
        Assert.True(await status.EvaluateAsync<bool>(IsIsolated, "qzx"));
        Assert.Empty(_pageErrors);
    }
}
