using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace Search.LoadTest.Http;

/// <summary>
/// The service a write benchmark talks to: one already running at a loopback address, or <c>dotnet Search.Api.dll</c>
/// started here as a child process on an empty index in a temporary folder (Production settings, no sample data, a
/// random API key), killed and its folder deleted on dispose.
/// </summary>
public sealed class ServiceUnderTest : IDisposable
{
    private readonly Process? _process;
    private readonly string? _indexFolder;
    private readonly List<string> _output = [];

    private ServiceUnderTest(Uri baseAddress, string apiKey, Process? process, string? indexFolder)
    {
        BaseAddress = baseAddress;
        _process = process;
        _indexFolder = indexFolder;
        Client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4_096,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        Client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>Sends the API key with every request; relative addresses resolve against <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The index folder of a service started here; null for one given by address.</summary>
    public string? IndexFolder => _indexFolder is null ? null : Path.Combine(_indexFolder, "index");

    public static ServiceUnderTest Attach(Uri baseAddress, string apiKey) => new(baseAddress, apiKey, process: null, indexFolder: null);

    /// <exception cref="InvalidOperationException">The service exited or did not answer /health within a minute.</exception>
    public static ServiceUnderTest Start(string apiDll, int port)
    {
        var folder = Directory.CreateTempSubdirectory("write-bench-").FullName;
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(apiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Search__IndexPath"] = Path.Combine(folder, "index");
        start.Environment["Search__SampleDataPath"] = "";
        start.Environment["Search__ApiKeys__0"] = apiKey;

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");

        // Ctrl+C ends this process without disposing anything: take the child down with it.
        Console.CancelKeyPress += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Gone already (exited, or disposed with this object).
            }
        };
        var service = new ServiceUnderTest(baseAddress, apiKey, process, folder);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            service.WaitUntilHealthy(TimeSpan.FromMinutes(1));
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Throws unless <c>/health</c> answers within <paramref name="timeout"/>.</summary>
    public void WaitUntilHealthy(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = Client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"{BaseAddress}health did not answer within {timeout.TotalSeconds:F0} s:\n{Output()}");
    }

    public void Dispose()
    {
        Client.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
            _process.Dispose();
        }

        if (_indexFolder is not null)
        {
            Directory.Delete(_indexFolder, recursive: true);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }
}
