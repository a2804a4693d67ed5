extern alias api;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Search.Indexer.Push;
using ServiceProgram = api::Program;

namespace Search.Indexer.Tests;

/// <summary>
/// The search service in process, on an empty index in <paramref name="indexPath"/>, with writes on under
/// <see cref="ApiKey"/> unless <paramref name="writesOn"/> is false, plus any other <c>Search:…</c> settings. The
/// commands reach it through <see cref="Connection"/>, with retries a few milliseconds apart.
/// </summary>
internal sealed class ServiceFactory(string indexPath, bool writesOn = true, params (string Key, string Value)[] settings)
    : WebApplicationFactory<ServiceProgram>
{
    public const string ApiKey = "test-key";

    /// <summary>What the service is addressed as on the command line; the in-process handler ignores the host.</summary>
    public const string Url = "http://localhost";

    private readonly TaskCompletionSource _containerDisposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _built;

    public string IndexPath => indexPath;

    public ServiceConnection Connection => new(Server.CreateHandler(), [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)]);

    /// <summary>A client that sends the key, for checking what the service holds.</summary>
    public HttpClient CreateKeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:IndexPath", indexPath);
        builder.UseSetting("Search:SampleDataPath", "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (writesOn)
        {
            builder.UseSetting("Search:ApiKeys:0", ApiKey);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // First in line, so the container disposes it last, after the index it owns.
        builder.ConfigureServices(services =>
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(_ => new DisposalSentinel(this))));
    }

    /// <remarks>With a top-level Program the host may still be disposing when the base class returns; the test's
    /// folder is deleted only once the index has released it.</remarks>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Volatile.Read(ref _built))
        {
            await _containerDisposed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    private sealed class DisposalSentinel : IHostedService, IDisposable
    {
        private readonly ServiceFactory _owner;

        public DisposalSentinel(ServiceFactory owner)
        {
            _owner = owner;
            Volatile.Write(ref owner._built, true);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => _owner._containerDisposed.TrySetResult();
    }
}
