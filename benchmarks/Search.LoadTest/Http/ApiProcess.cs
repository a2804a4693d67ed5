using System.Diagnostics;
using System.Net.Http;

namespace Search.LoadTest.Http;

/// <summary>
/// The real service as a child process: <c>dotnet Search.Api.dll</c> on a loopback port, with the index path and any
/// other settings in its environment, ready once <c>/ready</c> answers 200. Its output is drained (a full pipe would
/// block its logging) and the last lines are kept for an error report. Disposing kills it.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ApiProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    /// <summary>Starts the service and waits until it is ready; throws when it exits or is not ready in time.</summary>
    public static ApiProcess Start(string dll, Uri baseUri, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUri.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var api = new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        api._process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        try
        {
            api.WaitUntilReady(new Uri(baseUri, "/ready"), timeout);
            return api;
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>The service's last lines of output.</summary>
    public IReadOnlyList<string> LastLines()
    {
        lock (_lastLines)
        {
            return [.. _lastLines];
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private void WaitUntilReady(Uri ready, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with code {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, LastLines())}");
            }

            try
            {
                using var response = client.GetAsync(ready).GetAwaiter().GetResult();
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

        throw new TimeoutException($"the API was not ready within {timeout.TotalSeconds:F0} s");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 50)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
