using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Search.LoadTest.Workload;

namespace Search.LoadTest.Commands;

/// <summary>
/// Runs <c>cold-start</c>: <c>dotnet Search.Api.dll</c> with the index path in the environment, polled every 10 ms until
/// a search answers 200. The clock starts just before the process is created. The index files stay in the OS page
/// cache between runs, so this is a cold process on a warm disk cache. The child is killed after each run.
/// </summary>
internal static class ColdStartCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static int Run(ParseResult parseResult)
    {
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(ColdStartCommandDefinition.IndexPath));
        var dll = parseResult.GetValue(ColdStartCommandDefinition.ApiDll)
            ?? (DataLocator.FindRepositoryRoot() is { } root ? Path.Combine(root, "src", "Search.Api", "bin", "Release", "net10.0", "Search.Api.dll") : null);
        if (dll is null || !File.Exists(dll))
        {
            Console.Error.WriteLine($"error: Search.Api.dll not found ({dll ?? "no repository root"}); run dotnet build -c Release src/Search.Api or pass --api-dll");
            return 1;
        }

        var port = parseResult.GetValue(ColdStartCommandDefinition.Port);
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        var probe = new Uri(baseUri, $"/api/search?q={Uri.EscapeDataString(parseResult.GetRequiredValue(ColdStartCommandDefinition.Query))}&pageSize=10");
        var timeout = parseResult.GetValue(ColdStartCommandDefinition.Timeout);
        var runs = parseResult.GetValue(ColdStartCommandDefinition.Runs);

        Measurement.RunEnvironment.Print(Console.Out);
        Console.WriteLine($"# cold-start: dotnet {dll}, index {indexPath}, {runs} run(s), probe {probe}");
        Console.WriteLine();
        Console.WriteLine("| run | first HTTP answer ms | first successful search ms | hits |");
        Console.WriteLine("|---:|---:|---:|---:|");

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var result = StartOnce(dll, indexPath, baseUri, probe, client, timeout);
            if (result is null)
            {
                return 1;
            }

            times.Add(result.Value.Search);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {result.Value.FirstAnswer:N0} | {result.Value.Search:N0} | {result.Value.Body} |"));
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }

        var sorted = times.Order().ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median to first successful search: {sorted[sorted.Count / 2]:N0} ms"));
        return 0;
    }

    private static (double FirstAnswer, double Search, string Body)? StartOnce(string dll, string indexPath, Uri baseUri, Uri probe, HttpClient client, TimeSpan timeout)
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
        start.Environment["Search__IndexPath"] = indexPath;
        start.Environment["Search__SampleDataPath"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            double? firstAnswer = null;
            while (clock.Elapsed < timeout)
            {
                if (process.HasExited)
                {
                    Console.Error.WriteLine($"error: the API exited with code {process.ExitCode}:");
                    lock (output)
                    {
                        output.ForEach(Console.Error.WriteLine);
                    }

                    return null;
                }

                try
                {
                    using var response = client.GetAsync(probe).GetAwaiter().GetResult();
                    firstAnswer ??= clock.Elapsed.TotalMilliseconds;
                    if (response.IsSuccessStatusCode)
                    {
                        var elapsed = clock.Elapsed.TotalMilliseconds;
                        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                        var total = body.Split("\"total\":", 2) is [_, var rest] ? new string([.. rest.TakeWhile(char.IsAsciiDigit)]) : "?";
                        return (firstAnswer.Value, elapsed, total);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Thread.Sleep(PollInterval);
            }

            Console.Error.WriteLine($"error: no successful search within {timeout.TotalSeconds:F0} s");
            return null;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
    }

    private static void Keep(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
            if (output.Count > 50)
            {
                output.RemoveAt(0);
            }
        }
    }
}
