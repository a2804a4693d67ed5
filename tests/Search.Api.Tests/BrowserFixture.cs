using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Search.Api.Tests;

/// <summary>
/// The service on a real loopback port (a browser cannot reach the in-memory test server) and one headless Chromium,
/// shared by the browser tests. Uses the system's Chromium: nothing is downloaded. When it is missing, nothing starts
/// and the tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

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

        _app = new SearchApiFactory();
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
