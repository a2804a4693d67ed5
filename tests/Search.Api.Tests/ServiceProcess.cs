using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Search.Api.Tests;

/// <summary>
/// The built service as a real process: Kestrel with its real limits and headers, which the in-memory test server
/// lacks, started from any working directory on a free loopback port with its own temporary index. Standard output and
/// error are captured for failure messages. Disposing kills it and deletes the index.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process, string indexPath)
    {
        _process = process;
        IndexPath = indexPath;
    }

    /// <summary>The service's own build output, of the configuration the tests were built in.</summary>
    public static string ApiDll { get; } = Path.Combine(
        RepositoryLayout.Root,
        "src",
        "Search.Api",
        "bin",
        typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)),
        "Search.Api.dll");

    /// <summary>The address it listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("The service has not started.");

    /// <summary>The absolute path of its index folder.</summary>
    public string IndexPath { get; }

    /// <summary>Everything it has written to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service and returns once <c>/health</c> answers 200.</summary>
    /// <param name="workingDirectory">Where it runs from; the service must not depend on it.</param>
    /// <param name="environment">Variables to set (or, when null, to remove) on top of a Production environment.</param>
    public static async Task<ServiceProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(ApiDll))
        {
            throw new FileNotFoundException($"The service is not built at {ApiDll}.", ApiDll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");

        // Kestrel picks the port (no race with another process for a free one) and logs it.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var indexPath = Directory.CreateTempSubdirectory("search-api-process-").FullName;
        start.Environment["Search__IndexPath"] = indexPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var service = new ServiceProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, indexPath);
        try
        {
            await service.StartAndWaitForHealthAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(IndexPath))
            {
                Directory.Delete(IndexPath, recursive: true);
            }
        }
    }

    private async Task StartAndWaitForHealthAsync()
    {
        _process.OutputDataReceived += (_, line) => Capture(line.Data);
        _process.ErrorDataReceived += (_, line) => Capture(line.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("The service exited while starting."));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            await _listening.Task.WaitAsync(deadline.Token);
            using var client = CreateClient();
            while (true)
            {
                using var health = await client.GetAsync("/health", deadline.Token);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or HttpRequestException)
        {
            throw new InvalidOperationException($"The service did not become healthy ({ex.Message}). Its output:\n{Output}", ex);
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
