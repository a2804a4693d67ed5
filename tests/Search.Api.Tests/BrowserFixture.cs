using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Search.Api.Tests;

/// <summary>
/// The service on a real loopback port (a browser cannot reach the in-memory test server) and one headless Chromium,
/// shared by the browser tests. Uses the system's Chromium: nothing is downloaded. When it is missing, nothing starts
/// and the tests skip. The service holds the sample corpus and takes keyed writes, so a test can add the articles it
/// needs (<see cref="PutArticleAsync"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>axe-core as <c>npm ci</c> installs it from <c>tests/Search.Api.Tests/axe/package-lock.json</c>.</summary>
    public static readonly string AxeScriptPath =
        Path.Combine(RepositoryLayout.Root, "tests", "Search.Api.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    private SearchApiFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not installed.");

    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        _app = SearchApiFactory.WithSampleDataAndWrites();
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        _baseAddress = new Uri(addresses.First());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>A client of the page's service that sends the write API's key.</summary>
    public HttpClient CreateWriter()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchApiFactory.ApiKey);
        return client;
    }

    /// <summary>Creates or replaces an article through the keyed write API and waits until searches see it.</summary>
    public async Task PutArticleAsync(string id, string json)
    {
        using var client = CreateWriter();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync($"/api/articles/{Uri.EscapeDataString(id)}?refresh=wait_for", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Writes articles through the keyed bulk API (one JSON object a line) and waits until searches see them:
    /// the way to store ids such as "." that no path can name.</summary>
    public async Task PostBulkAsync(string lines)
    {
        using var client = CreateWriter();
        using var content = new StringContent(lines, System.Text.Encoding.UTF8, "application/x-ndjson");
        using var response = await client.PostAsync("/api/articles/_bulk?refresh=wait_for", content);
        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain("\"errors\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
