using System.Diagnostics;
using System.Net;
using System.Text;
using SystemProcess = System.Diagnostics.Process;

namespace Search.Process.Tests;

/// <summary>Exactly one process writes an index folder: a second service, or the offline indexer, is refused at once
/// with a message that says so, and the first goes on serving.</summary>
public sealed class SingleWriterTests(ITestOutputHelper log)
{
    private const string Refusal = "is being written by another process";

    [Fact]
    public async Task A_second_service_and_the_indexer_are_refused_while_the_first_service_keeps_serving()
    {
        using var folder = new TempFolder();
        var options = new ServiceOptions(folder.Combine("index"));
        await using var first = await ServiceProcess.StartAsync(options, log);
        Assert.Equal(HttpStatusCode.Created, await PutAsync(first, "before"));

        await using (var second = ServiceProcess.Launch(options, log))
        {
            var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.NotEqual(0, exitCode);
            Assert.Contains(Refusal, second.Output, StringComparison.Ordinal);
            Assert.Contains($"pid {first.ProcessId},", second.Output, StringComparison.Ordinal);
        }

        var input = folder.Combine("one.jsonl");
        await File.WriteAllTextAsync(input, """{"id":"offline","title":"خبر من المفهرس"}""" + "\n");
        var (indexerExit, indexerError) = await RunIndexerAsync(input, options.IndexPath);
        Assert.Equal(1, indexerExit);
        Assert.Contains(Refusal, indexerError, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(new Uri("/api/articles/before", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, await PutAsync(first, "after"));
        Assert.Equal(HttpStatusCode.NotFound, (await first.Client.GetAsync(new Uri("/api/articles/offline", UriKind.Relative))).StatusCode);

        // Stopped, the service lets go of the folder: the indexer may write it now.
        Assert.Equal(0, await first.StopAsync());
        Assert.Equal(0, (await RunIndexerAsync(input, options.IndexPath)).ExitCode);
    }

    private static async Task<HttpStatusCode> PutAsync(ServiceProcess service, string id)
    {
        using var content = new StringContent($$"""{"title":"خبر {{id}}"}""", Encoding.UTF8, "application/json");
        using var response = await service.Client.PutAsync(new Uri($"/api/articles/{id}", UriKind.Relative), content);
        return response.StatusCode;
    }

    private async Task<(int ExitCode, string Error)> RunIndexerAsync(string input, string indexPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ServiceBinaries.Indexer, "index", input, "--index", indexPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = SystemProcess.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        log.WriteLine($"--- search-indexer exit code {process.ExitCode}:\n{await output}{await error}");
        return (process.ExitCode, await error);
    }
}
