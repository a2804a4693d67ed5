using static Microsoft.Playwright.Assertions;

namespace Search.Api.Tests;

/// <summary>The pages run under their strict Content-Security-Policy: no inline script or style, no eval.</summary>
public sealed partial class SearchPageTests
{
    [SkippableFact]
    public async Task EveryPageCarriesAStrictPolicyAndWorksUnderIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        foreach (var path in new[] { "/", "/?q=" + Uri.EscapeDataString(Telecom), "/article.html?id=sample-tech-001" })
        {
            var response = await Page.GotoAsync(path);
            var policy = await response!.HeaderValueAsync("content-security-policy");
            Assert.NotNull(policy);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);
            await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        }

        // The pages did their work: the article and its related stories are showing.
        await Expect(Page.Locator("#article")).ToBeVisibleAsync();
        await Page.Locator("#related li").First.WaitForAsync();
        await Expect(Page.Locator("#meta .hijri")).Not.ToBeEmptyAsync();
        Assert.Empty(_cspViolations);
        Assert.Empty(_pageErrors);
    }

    [SkippableFact]
    public async Task ThePolicyRefusesInlineScriptsAndTheTestsNoticeIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");

        await Page.GotoAsync("/");
        await Page.EvaluateAsync("""
            () => {
              const script = document.createElement("script");
              script.textContent = "window.inlineScriptRan = true";
              document.body.appendChild(script);
              document.body.insertAdjacentHTML("beforeend", '<div id="styled" style="color: rgb(255, 0, 0)">x</div>');
            }
            """);

        await WaitUntilAsync(() => _cspViolations.Any(violation => violation.Contains("style-src", StringComparison.Ordinal)), "the inline style's violation");
        Assert.False(await Page.EvaluateAsync<bool>("() => window.inlineScriptRan === true"));
        Assert.NotEqual("rgb(255, 0, 0)", await Page.Locator("#styled").EvaluateAsync<string>("node => getComputedStyle(node).color"));
        Assert.Contains(_cspViolations, violation => violation.Contains("script-src", StringComparison.Ordinal));
        Assert.Contains(_cspViolations, violation => violation.Contains("style-src", StringComparison.Ordinal));
    }

    /// <summary>Waits, at most five seconds, for something the browser reports through an event.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
