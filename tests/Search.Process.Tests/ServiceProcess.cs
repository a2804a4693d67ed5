using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SystemProcess = System.Diagnostics.Process;

namespace Search.Process.Tests;

/// <summary>
/// The real service, <c>dotnet Search.Api.dll</c>, as a child process on a free loopback port, in the Production
/// environment, on the index folder and with the API key of its <see cref="ServiceOptions"/> and no sample data. Its
/// stdout and stderr are captured and written to the test's output when it is disposed, which the test runner shows
/// when the test fails.
/// </summary>
/// <remarks>Dispose it (<c>await using</c>): a process still running is killed then.</remarks>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(25);

    private readonly SystemProcess _process;
    private readonly CapturedOutput _output;
    private readonly ITestOutputHelper _log;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _disposed;

    private ServiceProcess(SystemProcess process, CapturedOutput output, Uri baseAddress, string apiKey, ITestOutputHelper log)
    {
        _process = process;
        _output = output;
        _log = log;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>A client for this service that sends the API key with every request.</summary>
    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the service without waiting for it to answer (to watch a start that should fail).</summary>
    public static ServiceProcess Launch(ServiceOptions options, ITestOutputHelper log)
    {
        var dll = ServiceBinaries.SearchApi;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Search__IndexPath"] = options.IndexPath;
        start.Environment["Search__SampleDataPath"] = "";
        start.Environment["Search__ApiKeys__0"] = options.ApiKey;
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        var output = new CapturedOutput();
        var process = new SystemProcess { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add("out", e.Data);
        process.ErrorDataReceived += (_, e) => output.Add("err", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, output, baseAddress, options.ApiKey, log);
    }

    /// <summary>Starts the service and returns once <c>/health</c> answers, which is after it replayed its log.</summary>
    /// <exception cref="InvalidOperationException">It exited or did not answer in time; the message holds its output.</exception>
    public static async Task<ServiceProcess> StartAsync(ServiceOptions options, ITestOutputHelper log)
    {
        // The free port is only free when looked up: another program may take it before the service binds it.
        for (var attempt = 1; ; attempt++)
        {
            var service = Launch(options, log);
            try
            {
                await service.WaitUntilHealthyAsync(options.StartTimeout);
                return service;
            }
            catch (InvalidOperationException) when (attempt < 3 && service.HasExited && service._output.Contains("address already in use"))
            {
                await service.DisposeAsync();
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }
    }

    /// <exception cref="InvalidOperationException">The process exited first, or did not answer within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before answering.\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(HealthPollInterval));
        }

        throw new InvalidOperationException($"The service did not answer /health within {timeout.TotalSeconds:F0} s.\n{Output}");
    }

    /// <returns>The exit code.</returns>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The service (pid {ProcessId}) still runs after {timeout.TotalSeconds:F0} s.\n{Output}");
        }

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the process and any children, as a crash or an out-of-memory kill would end it: no
    /// shutdown code runs. Returns once it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Stops the service as an operator would (SIGTERM): it finishes requests, commits and releases the folder.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        Signals.Terminate(ProcessId);
        return await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        // Once only: a test's finally may dispose a service its body already disposed, and must not hide the body's failure.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            Kill();
        }

        await _process.WaitForExitAsync();
        Client.Dispose();
        _log.WriteLine($"--- service pid {_process.Id} on {BaseAddress}: exit code {_process.ExitCode} after {_clock.Elapsed.TotalSeconds:F1} s; its output:");
        _log.WriteLine(Output);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
