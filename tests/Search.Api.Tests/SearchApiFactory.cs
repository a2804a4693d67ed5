using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Search.Api.Tests;

/// <summary>
/// Runs the service on a fresh index in its own temporary folder, so tests never touch <c>index-data/index</c> and
/// never see each other's writes. By default the service indexes the repository's sample corpus at start-up (the
/// index is empty); <see cref="WithoutSampleData"/> starts it on an empty index. Disposing deletes the folder.
/// </summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The key <see cref="WithWrites"/> configures.</summary>
    public const string ApiKey = "test-key-1b9f";

    private readonly string _sampleDataPath;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ContainerDisposal _containerDisposal = new();

    public SearchApiFactory()
        : this(RepositoryLayout.SampleDataPath)
    {
    }

    private SearchApiFactory(string sampleDataPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _sampleDataPath = sampleDataPath;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The absolute path of this factory's index folder.</summary>
    public string IndexPath { get; } = Directory.CreateTempSubdirectory("search-api-tests-").FullName;

    /// <summary>A service whose sample path is blank, so it starts and stays on an empty index.</summary>
    public static SearchApiFactory WithoutSampleData() => new(sampleDataPath: "");

    /// <summary>A service on the sample corpus with these settings.</summary>
    public static SearchApiFactory WithSettings(params (string Key, string? Value)[] settings) =>
        new(RepositoryLayout.SampleDataPath, new Dictionary<string, string?>(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value))));

    /// <summary>A service on the sample corpus with writes on (<see cref="ApiKey"/>), for tests that add articles of their own.</summary>
    public static SearchApiFactory WithSampleDataAndWrites() =>
        new(RepositoryLayout.SampleDataPath, new Dictionary<string, string?> { ["Search:ApiKeys:0"] = ApiKey });

    /// <summary>A service on an empty index with writes on (<see cref="ApiKey"/>) and any other settings given.</summary>
    public static SearchApiFactory WithWrites(params (string Key, string? Value)[] settings) =>
        new(sampleDataPath: "", new Dictionary<string, string?>(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value)))
        {
            ["Search:ApiKeys:0"] = ApiKey,
        });

    /// <summary>Completes once the service's index has run its warm-up searches, so <c>/ready</c> reports on the index
    /// itself (warming takes well under a second on a small index, longer on a loaded CI machine).</summary>
    public Task WarmedAsync() =>
        Services.GetRequiredService<Search.Api.Hosting.IndexHost>().Index?.Warmed.WaitAsync(TimeSpan.FromSeconds(30)) ?? Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:SampleDataPath", _sampleDataPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // First in line, so the container creates it before the index and disposes it after the index.
        builder.ConfigureServices(services =>
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(_ => new ContainerDisposal.Sentinel(_containerDisposal))));
    }

    /// <remarks>The synchronous <c>Dispose</c> of the base class ends up here too.</remarks>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // With top-level Program.cs the host may still be disposing on the thread that ran Main when the base class
        // returns; deleting now would race the index writer's final commit, which recreates the folder.
        await _containerDisposal.WaitAsync();
        if (Directory.Exists(IndexPath))
        {
            Directory.Delete(IndexPath, recursive: true);
        }
    }

    /// <summary>Tells when the service container, and so the index it owns, has been disposed.</summary>
    private sealed class ContainerDisposal
    {
        private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _created;

        /// <summary>Completes at once when no host was ever built.</summary>
        public Task WaitAsync() => Volatile.Read(ref _created) ? _disposed.Task.WaitAsync(TimeSpan.FromMinutes(1)) : Task.CompletedTask;

        /// <summary>A do-nothing hosted service; the container disposes singletons in reverse order of creation.</summary>
        public sealed class Sentinel : IHostedService, IDisposable
        {
            private readonly ContainerDisposal _owner;

            public Sentinel(ContainerDisposal owner)
            {
                _owner = owner;
                Volatile.Write(ref owner._created, true);
            }

            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public void Dispose() => _owner._disposed.TrySetResult();
        }
    }
}
