using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SystemProcess = System.Diagnostics.Process;

namespace Search.Process.Tests.Crash;

/// <summary>
/// SIGKILL while <c>POST /api/index/_snapshot</c> copies the index (to another file system: on the index's own, a
/// snapshot is hard links, made in milliseconds): the snapshot's name must then hold a whole snapshot or nothing. Before, a kill half-way through the copy left a folder of that name with part of the files and no
/// commit, which restore refused ("no index snapshot") and which made every later snapshot of the name a 409
/// <c>snapshot_exists</c>, for good. Likewise for <c>search-indexer restore</c> killed half-way.
/// </summary>
public sealed class SnapshotCrashTests(ITestOutputHelper log)
{
    private const int Articles = 12_000;
    private const int Rounds = 3;

    [Fact]
    public async Task A_snapshot_cut_short_by_sigkill_leaves_its_name_free_or_a_whole_snapshot()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");

        await BuildIndexAsync(folder.Combine("articles.jsonl"), indexPath);

        // On another file system where one has room (/dev/shm), so the snapshots are copies and a kill can land
        // mid-copy; on the index's own disk their files are hard links, made in milliseconds. Room: the four
        // snapshots, and as much again free as the index takes, which the service checks.
        var indexBytes = Directory.GetFiles(indexPath).Sum(file => new FileInfo(file).Length);
        var snapshots = Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace > 6 * indexBytes
            ? Path.Combine("/dev/shm", Path.GetFileName(folder.Path) + "-snapshots")
            : folder.Combine("snapshots");
        using var removeSnapshots = new FolderRemoval(snapshots);
        var options = new ServiceOptions(indexPath) { Environment = new Dictionary<string, string> { ["Search__SnapshotPath"] = snapshots } };

        var service = await ServiceProcess.StartAsync(options, log);
        try
        {
            // Warms the snapshot path, so the ones cut short copy at full speed.
            using (var whole = await SnapshotAsync(service, "whole"))
            {
                Assert.Equal(HttpStatusCode.Created, whole.StatusCode);
            }

            var cutShort = 0;
            for (var round = 1; round <= Rounds; round++)
            {
                var name = $"cut{round}";
                var target = Path.Combine(snapshots, name);
                var asked = SnapshotAsync(service, name);

                // Killed once the copy has begun (its first file is there, under whichever name it is copied),
                // which is well before its last: the index has tens of files.
                await WaitForFirstFileAsync(target, Path.Combine(snapshots, $".{name}.partial"));
                service.Kill();
                await service.DisposeAsync();
                try
                {
                    (await asked).Dispose();
                }
                catch (HttpRequestException)
                {
                    // Killed before it answered, as intended.
                }

                var left = Directory.Exists(target) ? LuceneIndexCheck.Run(target) : null;
                if (Directory.Exists(target) && left is not { Clean: true })
                {
                    Assert.Fail($"round {round}: the kill left {target} holding {Directory.GetFiles(target).Length} files and {(left is null ? "no commit" : "a damaged commit")}");
                }

                cutShort += Directory.Exists(target) ? 0 : 1;

                service = await ServiceProcess.StartAsync(options, log);
                using var again = await SnapshotAsync(service, name);
                Assert.Equal(Directory.Exists(target) && left is not null ? HttpStatusCode.Conflict : HttpStatusCode.Created, again.StatusCode);
                Assert.NotNull(LuceneIndexCheck.Run(target));
                Assert.False(Directory.Exists(Path.Combine(snapshots, $".{name}.partial")), "the partial copy is left behind");
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cutShort} of {Rounds} kills came before the copy was whole"));
            Assert.Equal(0, await service.StopAsync());
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restore_cut_short_by_sigkill_leaves_the_folder_as_it_was_and_runs_again()
    {
        using var folder = new TempFolder();
        var indexPath = folder.Combine("index");
        var target = folder.Combine("restored");
        await BuildIndexAsync(folder.Combine("articles.jsonl"), indexPath);

        // Killed once the copy has begun; before, the folder then held part of the files (or all of them, never
        // checked), a service would open it, and the next restore refused it as not empty. A restore can finish before
        // the kill lands (a fast disk): then its folder holds the whole index, checked, and the kill is tried again.
        for (var attempt = 1; ; attempt++)
        {
            using (var restore = StartIndexer("restore", "--from", indexPath, "--index", target))
            {
                await WaitForFirstFileAsync(Path.Combine(folder.Path, ".restored.partial"), target);
                restore.Kill(entireProcessTree: true);
                await restore.WaitForExitAsync();
            }

            if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any())
            {
                break;
            }

            Assert.True(LuceneIndexCheck.Run(target) is { Clean: true }, "the killed restore left part of an index in its folder");
            Assert.True(attempt < 10, "every restore finished before the kill landed");
            Directory.Delete(target, recursive: true);
        }

        var (exitCode, output) = await RunIndexerAsync("restore", "--from", indexPath, "--index", target);
        Assert.Equal(0, exitCode);
        Assert.Contains($"Restored {Articles:N0} articles", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".restored.partial")), "the partial copy is left behind");
        Assert.True(LuceneIndexCheck.Run(target) is { Clean: true });
    }

    private static async Task WaitForFirstFileAsync(params string[] folders)
    {
        var waited = Stopwatch.StartNew();
        while (!folders.Any(HoldsAFile))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the copy never started");
            await Task.Delay(1);
        }
    }

    /// <summary>Whether the folder holds a file now; a partial folder can be renamed away between two looks.</summary>
    private static bool HoldsAFile(string folder)
    {
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any();
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static Task<HttpResponseMessage> SnapshotAsync(ServiceProcess service, string name) =>
        service.Client.PostAsync(
            new Uri("/api/index/_snapshot", UriKind.Relative),
            new StringContent($$"""{"name":"{{name}}"}""", Encoding.UTF8, "application/json"));

    /// <summary>An index of some tens of megabytes, built offline, so that copying it takes long enough to be cut.</summary>
    private async Task BuildIndexAsync(string input, string indexPath)
    {
        var articles = new ArticleGenerator(5);
        await using (var writer = new StreamWriter(input))
        {
            for (var i = 0; i < Articles; i++)
            {
                await writer.WriteLineAsync(articles.Next($"a{i}", 1).ToJson());
            }
        }

        var (exitCode, _) = await RunIndexerAsync("index", input, "--index", indexPath, "--max-segments", "0");
        Assert.Equal(0, exitCode);
    }

    private static SystemProcess StartIndexer(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServiceBinaries.Indexer);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return SystemProcess.Start(start)!;
    }

    private async Task<(int ExitCode, string Output)> RunIndexerAsync(params string[] arguments)
    {
        using var process = StartIndexer(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var text = await output + await error;
        log.WriteLine($"--- search-indexer {string.Join(' ', arguments)}: exit code {process.ExitCode}:\n{text}");
        return (process.ExitCode, text);
    }

    /// <summary>Removes a folder outside the test's temporary one when the test ends.</summary>
    private sealed class FolderRemoval(string path) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
