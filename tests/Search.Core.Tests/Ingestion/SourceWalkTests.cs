using System.Diagnostics;
using System.Runtime.Versioning;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

/// <summary>Folders that would make a walk endless, hang or crash it: links back to the folder, a named pipe, a
/// folder that cannot be listed.</summary>
public sealed class SourceWalkTests
{
    private const string JsonLine = """{"id": "json-1", "title": "خبر من ملف JSON Lines"}""";

    [Fact]
    public void Links_to_the_folder_itself_are_not_followed_and_each_file_is_read_once()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.jsonl"), JsonLine + "\n");
        Directory.CreateSymbolicLink(temp.File("s1"), ".");
        Directory.CreateSymbolicLink(temp.File("s2"), ".");

        var results = ReadWithin(TimeSpan.FromSeconds(30), [temp.Path]);

        Assert.Equal(["json-1"], results.Where(result => result.Article is not null).Select(result => result.Article!.Id));
        Assert.Equal([temp.File("s1"), temp.File("s2")], results.Select(result => result.Problem?.File).OfType<string>());
        Assert.All(results.Select(result => result.Problem).OfType<IngestProblem>(), problem => Assert.Contains("not followed", problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_reached_by_several_paths_is_read_once()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("nested"));
        File.WriteAllText(temp.File(Path.Combine("nested", "a.jsonl")), JsonLine + "\n");
        File.CreateSymbolicLink(temp.File("link.jsonl"), Path.Combine("nested", "a.jsonl"));

        var results = ReadWithin(TimeSpan.FromSeconds(30), [temp.Path, temp.File("nested"), temp.File(Path.Combine("nested", "a.jsonl")), temp.Path]);

        var result = Assert.Single(results);
        Assert.Equal("json-1", result.Article?.Id);
    }

    [SkippableFact]
    public void A_named_pipe_is_reported_and_never_opened()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes are a Unix thing");
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.jsonl"), JsonLine + "\n");
        var pipe = temp.File("pipe.jsonl");
        Skip.IfNot(Run("mkfifo", pipe), "mkfifo is not available");

        var walked = ReadWithin(TimeSpan.FromSeconds(30), [temp.Path], unblock: pipe);
        var named = ReadWithin(TimeSpan.FromSeconds(30), [pipe], unblock: pipe);

        Assert.Equal(["json-1"], walked.Where(result => result.Article is not null).Select(result => result.Article!.Id));
        Assert.Equal(pipe, walked.Single(result => result.Problem is not null).Problem!.File);
        var problem = Assert.Single(named).Problem;
        Assert.Equal(pipe, problem?.File);
        Assert.Contains("not a regular file", problem?.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_subfolder_that_cannot_be_listed_is_reported_and_the_rest_is_read()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.jsonl"), JsonLine + "\n");
        var locked = temp.File("locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            Skip.If(CanList(locked), "this user reads any folder (root); the /proc test covers it");

            var results = ReadWithin(TimeSpan.FromSeconds(30), [temp.Path]);

            Assert.Equal(["json-1"], results.Where(result => result.Article is not null).Select(result => result.Article!.Id));
            Assert.Equal(locked, results.Single(result => result.Problem is not null).Problem!.File);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Root may not open /proc/1/environ either, without the right to trace process 1: a file no user
    /// reads.</summary>
    [SkippableFact]
    public void A_file_that_cannot_be_opened_is_reported_and_the_rest_is_read()
    {
        const string unreadable = "/proc/1/environ";
        Skip.If(CanOpen(unreadable), unreadable + " is readable or missing here");
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.jsonl"), JsonLine + "\n");
        File.CreateSymbolicLink(temp.File("b.jsonl"), unreadable);

        var results = ReadWithin(TimeSpan.FromSeconds(30), [temp.Path]);

        Assert.Equal(["json-1"], results.Where(result => result.Article is not null).Select(result => result.Article!.Id));
        var problem = results.Single(result => result.Problem is not null).Problem!;
        Assert.Equal(temp.File("b.jsonl"), problem.File);
        Assert.StartsWith("cannot read", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>/proc/1 holds folders that even root may not list (map_files, without CAP_CHECKPOINT_RESTORE) and links
    /// to / (root, cwd): the walk the hostile probe of the service made.</summary>
    [SkippableFact]
    public void Walking_proc_reports_the_folders_it_cannot_list_and_does_not_follow_its_links()
    {
        const string unreadable = "/proc/1/map_files";
        Skip.IfNot(Directory.Exists(unreadable) && !CanList(unreadable), unreadable + " is readable or missing here");

        var problems = ReadWithin(TimeSpan.FromSeconds(60), ["/proc/1"]).Select(result => result.Problem).OfType<IngestProblem>().ToList();

        Assert.Contains(problems, problem => problem.File == unreadable && problem.Message.StartsWith("cannot read the folder", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, problem => problem.File.StartsWith("/proc/1/root/", StringComparison.Ordinal));
    }

    /// <summary>Reads on another thread, so a walk that hangs fails the test instead of the run; a writer opening
    /// <paramref name="unblock"/> frees a reader stuck on a pipe.</summary>
    private static List<IngestResult> ReadWithin(TimeSpan limit, string[] paths, string? unblock = null)
    {
        var reading = Task.Run(() => new ArticleSources().Read(paths).ToList());
        if (!reading.Wait(limit))
        {
            if (unblock is not null)
            {
                File.WriteAllText(unblock, "");
            }

            Assert.Fail($"reading {string.Join(", ", paths)} did not end within {limit}");
        }

        return reading.Result;
    }

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).Any();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanOpen(string file)
    {
        try
        {
            File.OpenRead(file).Dispose();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex is not UnauthorizedAccessException;
        }
    }

    private static bool Run(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, [argument]) { RedirectStandardError = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
