using Search.Core.DropFolder;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.Tests.DropFolder;

public sealed class DropFolderWatcherTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("drop-folder-");

    public void Dispose() => _folder.Delete(recursive: true);

    private DropFolderOptions Options => new(_folder.FullName)
    {
        SettleTime = TimeSpan.FromMilliseconds(100),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 3,
    };

    [Fact]
    public async Task A_handler_that_keeps_failing_is_tried_a_few_times_then_the_file_is_moved_to_failed_with_the_error()
    {
        var attempts = 0;
        File.WriteAllText(Path.Combine(_folder.FullName, "a.jsonl"), "{}");
        var outcomes = new List<DropFileOutcome>();

        await WatcherRuns.RunUntilAsync(
            new DropFolderWatcher(Options, (_, _) => { attempts++; throw new IOException("the index is away"); }, outcomes.Add),
            () => outcomes.Any(outcome => outcome.State == DropFileState.Failed));

        Assert.Equal(3, attempts);
        Assert.Equal([DropFileState.WillRetry, DropFileState.WillRetry, DropFileState.Failed], outcomes.Select(outcome => outcome.State));
        var error = File.ReadAllText(Path.Combine(_folder.FullName, ".failed", "a.jsonl.error.txt"));
        Assert.Contains("gave up after 3 tries: the index is away", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_refused_while_the_index_folder_cannot_be_written_waits_past_its_tries_and_is_indexed_once_it_can()
    {
        var attempts = 0;
        File.WriteAllText(Path.Combine(_folder.FullName, "a.jsonl"), "{}");
        var outcomes = new List<DropFileOutcome>();
        var fault = new StorageFault(new IOException("No space left on device"), DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(20));

        await WatcherRuns.RunUntilAsync(
            new DropFolderWatcher(
                Options,
                (_, _) => ++attempts <= 2 * Options.MaxAttempts ? throw new StorageFaultException(fault) : Task.FromResult(new DropFileReport(1, [])),
                outcomes.Add),
            () => outcomes.Any(outcome => outcome.State is DropFileState.Done or DropFileState.Failed));

        Assert.Equal(2 * Options.MaxAttempts + 1, attempts);
        Assert.Equal(DropFileState.Done, outcomes[^1].State);
        Assert.All(outcomes[..^1], outcome => Assert.Equal(DropFileState.WillRetry, outcome.State));
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, ".failed")));
    }

    [Fact]
    public async Task A_file_dropped_again_under_a_used_name_keeps_both_in_done()
    {
        var handled = 0;
        DropFileHandler handler = (_, _) =>
        {
            handled++;
            return Task.FromResult(new DropFileReport(1, []));
        };
        var path = Path.Combine(_folder.FullName, "a.jsonl");
        var done = Path.Combine(_folder.FullName, ".done");

        File.WriteAllText(path, "{}");
        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler), () => Directory.Exists(done) && Directory.GetFiles(done).Length == 1);
        File.WriteAllText(path, "{}");
        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler), () => Directory.GetFiles(done).Length == 2);

        Assert.Equal(2, handled);
        Assert.Contains(Directory.GetFiles(done), file => Path.GetFileName(file) == "a.jsonl");
    }

    [Fact]
    public async Task A_file_named_to_the_last_byte_the_system_takes_moves_to_done_with_its_errors_also_when_dropped_twice()
    {
        // 123 Arabic letters and ".jsonl": 252 bytes, so "<name>.error.txt" and a time stamp before it are too long.
        var name = string.Concat(Enumerable.Repeat("خبر", 41)) + ".jsonl";
        var path = Path.Combine(_folder.FullName, name);
        var outcomes = new List<DropFileOutcome>();
        DropFileHandler handler = (path, _) => Task.FromResult(new DropFileReport(1, [new IngestProblem(path, 2, "invalid JSON")]));

        File.WriteAllText(path, "{}");
        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler, outcomes.Add), () => outcomes.Count > 0);
        File.WriteAllText(path, "{}");
        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler, outcomes.Add), () => outcomes.Count > 1);

        Assert.All(outcomes, outcome => Assert.Equal(DropFileState.Done, outcome.State));
        Assert.False(File.Exists(path));
        var done = Directory.GetFiles(Path.Combine(_folder.FullName, ".done"));
        Assert.Equal(4, done.Length);
        Assert.Equal(2, done.Count(file => file.EndsWith(".jsonl.error.txt", StringComparison.Ordinal)));
        Assert.All(done, file => Assert.Contains("خبرخبر", Path.GetFileName(file), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_file_whose_name_is_not_utf8_is_reported_once_as_failed_and_the_others_go_on()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "names are bytes only on Linux");

        // "خبر" in Windows-1256, as unzip leaves a zip made on Arabic Windows; .NET cannot name such a file.
        var name = "\"$(printf '\\345\\310\\321.jsonl')\"";
        await ShellAsync($"printf '{{}}' > {name}");
        try
        {
            File.WriteAllText(Path.Combine(_folder.FullName, "good.jsonl"), "{}");
            var outcomes = new List<DropFileOutcome>();
            DropFileHandler handler = (_, _) => Task.FromResult(new DropFileReport(1, []));

            // Listed every 50 ms for a second: reported at the first listing only.
            var running = System.Diagnostics.Stopwatch.StartNew();
            await WatcherRuns.RunUntilAsync(
                new DropFolderWatcher(Options with { ScanInterval = TimeSpan.FromMilliseconds(50) }, handler, outcomes.Add),
                () => outcomes.Any(outcome => outcome.State == DropFileState.Done) && running.Elapsed > TimeSpan.FromSeconds(1));

            var failed = Assert.Single(outcomes, outcome => outcome.State == DropFileState.Failed);
            Assert.Null(failed.MovedTo);
            Assert.Contains("not valid UTF-8", failed.Error, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_folder.FullName, ".done", "good.jsonl")));
            Assert.Single(new DirectoryInfo(_folder.FullName).EnumerateFiles());
        }
        finally
        {
            // Dispose cannot remove it: .NET cannot name it.
            await ShellAsync($"rm {name}");
        }
    }

    private async Task ShellAsync(string script)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", script]) { WorkingDirectory = _folder.FullName })!;
        await shell.WaitForExitAsync();
        Assert.Equal(0, shell.ExitCode);
    }

    [Fact]
    public async Task A_drop_folder_removed_while_watched_is_made_again_and_files_dropped_there_are_handled()
    {
        var handled = new List<string>();
        DropFileHandler handler = (path, _) =>
        {
            handled.Add(Path.GetFileName(path));
            return Task.FromResult(new DropFileReport(1, []));
        };
        File.WriteAllText(Path.Combine(_folder.FullName, "a.jsonl"), "{}");
        var moved = _folder.FullName + "-moved";
        var phase = 0;

        await WatcherRuns.RunUntilAsync(
            new DropFolderWatcher(Options with { ScanInterval = TimeSpan.FromMilliseconds(50) }, handler),
            () =>
            {
                if (phase == 0 && handled.Count == 1)
                {
                    // An operator moves the folder away (or removes it) while the service runs.
                    Directory.Move(_folder.FullName, moved);
                    phase = 1;
                }
                else if (phase == 1 && Directory.Exists(_folder.FullName))
                {
                    File.WriteAllText(Path.Combine(_folder.FullName, "b.jsonl"), "{}");
                    phase = 2;
                }

                return handled.Count == 2;
            });

        Directory.Delete(moved, recursive: true);
        Assert.Equal(["a.jsonl", "b.jsonl"], handled);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".done", "b.jsonl")));
    }

    [Fact]
    public async Task A_file_whose_every_record_is_bad_goes_to_failed_and_one_with_some_to_done_with_errors()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "bad.jsonl"), "x");
        File.WriteAllText(Path.Combine(_folder.FullName, "some.jsonl"), "x");
        var outcomes = new List<DropFileOutcome>();
        DropFileHandler handler = (path, _) => Task.FromResult(new DropFileReport(
            path.EndsWith("bad.jsonl", StringComparison.Ordinal) ? 0 : 2,
            [new IngestProblem(path, 3, "invalid JSON")]));

        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler, outcomes.Add), () => outcomes.Count == 2);

        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".failed", "bad.jsonl")));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".done", "some.jsonl")));
        Assert.Equal($"{Path.Combine(_folder.FullName, "some.jsonl")}:3: invalid JSON", File.ReadAllText(Path.Combine(_folder.FullName, ".done", "some.jsonl.error.txt")).Trim());
    }

    [Fact]
    public async Task A_file_replaced_while_it_is_read_is_not_moved_unread_and_the_new_file_is_read_in_turn()
    {
        var path = Path.Combine(_folder.FullName, "many.jsonl");
        File.WriteAllLines(path, ["original-1", "original-2"]);
        var read = new List<string>();
        var outcomes = new List<DropFileOutcome>();
        DropFileHandler handler = (file, _) =>
        {
            var ids = File.ReadAllLines(file);
            read.AddRange(ids);
            if (read.Count == ids.Length)
            {
                // A writer renames a new file over the one being read, before the watcher moves it away.
                var part = Path.Combine(_folder.FullName, "many.part");
                File.WriteAllLines(part, ["replaced-1"]);
                File.Move(part, file, overwrite: true);
            }

            return Task.FromResult(new DropFileReport(ids.Length, []));
        };
        var done = Path.Combine(_folder.FullName, ".done", "many.jsonl");

        await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler, outcomes.Add), () => File.Exists(done) && read.Contains("replaced-1"));

        Assert.Equal(["original-1", "original-2", "replaced-1"], read);
        Assert.Equal(["replaced-1"], File.ReadAllLines(done));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(done)!));
        Assert.Equal([2L, 1L], outcomes.Select(outcome => outcome.Indexed));
        Assert.Null(outcomes[0].MovedTo);
        Assert.Contains("replaced", outcomes[0].Error, StringComparison.Ordinal);
        Assert.Equal(done, outcomes[1].MovedTo);
    }

    [Fact]
    public async Task Symbolic_links_are_moved_to_failed_unread_with_an_error_saying_links_are_not_followed()
    {
        var outside = Directory.CreateTempSubdirectory("drop-folder-outside-");
        try
        {
            var secret = Path.Combine(outside.FullName, "passwd");
            File.WriteAllText(secret, "root:x:0:0:root:/root:/bin/bash");
            File.CreateSymbolicLink(Path.Combine(_folder.FullName, "absolute.jsonl"), secret);
            File.CreateSymbolicLink(Path.Combine(_folder.FullName, "relative.jsonl"), Path.GetRelativePath(_folder.FullName, secret));
            var handled = new List<string>();
            var outcomes = new List<DropFileOutcome>();
            DropFileHandler handler = (file, _) =>
            {
                handled.Add(file);
                return Task.FromResult(new DropFileReport(0, [new IngestProblem(file, 1, File.ReadAllText(file))]));
            };

            await WatcherRuns.RunUntilAsync(new DropFolderWatcher(Options, handler, outcomes.Add), () => outcomes.Count == 2);

            Assert.Empty(handled);
            Assert.All(outcomes, outcome => Assert.Equal(DropFileState.Failed, outcome.State));
            foreach (var name in new[] { "absolute.jsonl", "relative.jsonl" })
            {
                // Moved as links, not copies: a relative one now leads nowhere, which is fine.
                var moved = new FileInfo(Path.Combine(_folder.FullName, ".failed", name));
                Assert.NotNull(moved.LinkTarget);
                var error = File.ReadAllText(moved.FullName + ".error.txt");
                Assert.Contains("does not follow links", error, StringComparison.Ordinal);
                Assert.DoesNotContain("root", error, StringComparison.Ordinal);
            }

            Assert.Equal("root:x:0:0:root:/root:/bin/bash", File.ReadAllText(secret));
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task At_start_the_progress_of_files_no_longer_there_and_half_written_records_are_removed_and_nothing_else()
    {
        var progress = Directory.CreateDirectory(Path.Combine(_folder.FullName, DropFolderOptions.ProgressFolderName)).FullName;
        File.WriteAllText(Path.Combine(_folder.FullName, "kept.jsonl.part"), "{}");
        foreach (var name in new[] { "gone.jsonl.json", "gone.jsonl.json.0123abcd.tmp", "kept.jsonl.part.json", "notes.txt" })
        {
            File.WriteAllText(Path.Combine(progress, name), "{}");
        }

        // A name too long for its record to be named after it whole: the record of the file there stays.
        var longName = Path.Combine(_folder.FullName, string.Concat(Enumerable.Repeat("خبر", 41)) + ".part");
        File.WriteAllText(longName, "{}");
        File.WriteAllText(DropFileProgress.PathFor(longName), "{}");

        await WatcherRuns.RunUntilAsync(
            new DropFolderWatcher(Options, (_, _) => Task.FromResult(new DropFileReport(0, []))),
            () => !File.Exists(Path.Combine(progress, "gone.jsonl.json")));

        Assert.Equal(
            ["kept.jsonl.part.json", "notes.txt", Path.GetFileName(DropFileProgress.PathFor(longName))],
            Directory.GetFiles(progress).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
