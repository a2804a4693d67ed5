using Microsoft.Playwright;

namespace Search.Api.Tests;

/// <summary>
/// The pages name their own icon, so a browser asks for nothing the site lacks: without a <c>&lt;link rel="icon"&gt;</c>
/// a headful browser asks for /favicon.ico on every load and logs its 404. Headless Chromium asks for no icon at all,
/// so the test asks for the one a browser would, and checks the page load itself has no failed request.
/// </summary>
public sealed partial class SearchPageTests
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/?q=%D8%A7%D9%84%D8%A7%D8%AA%D8%B5%D8%A7%D9%84%D8%A7%D8%AA")]
    [InlineData("/article.html?id=sample-tech-001")]
    public async Task APageLoadsWithNoFailedRequestAndTheIconABrowserAsksForIsThere(string path)
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath}");
        var failed = new List<string>();
        Page.RequestFailed += (_, request) => failed.Add($"{request.Url}: {request.Failure}");
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Url}: {response.Status}");
            }
        };

        await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // A browser takes the icon the page declares, else /favicon.ico.
        var iconAddress = await Page.EvaluateAsync<string>("() => document.querySelector('link[rel~=icon]')?.href ?? new URL('/favicon.ico', location.href).href");
        var icon = await Page.APIRequest.GetAsync(iconAddress);
        Assert.True(icon.Ok, $"{iconAddress}: {icon.Status}");
        Assert.Equal("image/svg+xml", icon.Headers["content-type"].Split(';')[0]);
        Assert.StartsWith("<svg", (await icon.TextAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.Empty(failed);
        Assert.Empty(_pageErrors);
    }
}
