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

    public async Task InitializeAsync() =>
        _service = await ServiceProcess.StartAsync(WorkingDirectory, new Dictionary<string, string?> { ["Search__SampleDataPath"] = null });

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Directory.Delete(WorkingDirectory, recursive: true);
    }
}
