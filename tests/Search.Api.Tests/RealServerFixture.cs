namespace Search.Api.Tests;

/// <summary>
/// One real service process for the tests that need Kestrel itself, started from an empty temporary working directory
/// and told only where its index goes: its page, settings and sample corpus must come from the app's own folder.
/// </summary>
public sealed class RealServerFixture : IAsyncLifetime
{
    private ServiceProcess? _service;

    public string WorkingDirectory { get; } = Directory.CreateTempSubdirectory("search-api-cwd-").FullName;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    /// <summary>The key the service takes for its write and operator endpoints.</summary>
    public const string ApiKey = "real-server-key-5c1e";

    public async Task InitializeAsync() =>
        _service = await ServiceProcess.StartAsync(WorkingDirectory, new Dictionary<string, string?> { ["Search__SampleDataPath"] = null, ["Search__ApiKeys__0"] = ApiKey });

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Directory.Delete(WorkingDirectory, recursive: true);
    }
}
