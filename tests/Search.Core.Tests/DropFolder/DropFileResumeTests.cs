using Search.Core.DropFolder;

namespace Search.Core.Tests.DropFolder;

/// <summary>The one set of rules by which the service's drop folder and <c>index --watch</c> resume a file.</summary>
public sealed class DropFileResumeTests : IDisposable
{
    private readonly DirectoryInfo _drop = Directory.CreateTempSubdirectory("drop-resume-");

    public void Dispose() => _drop.Delete(recursive: true);

    [Fact]
    public void A_file_with_no_saved_progress_starts_from_the_beginning()
    {
        var path = WriteFile("news.jsonl", "a");

        Assert.Equal(new DropFileResume(DropFileResume.Outcome.NoneSaved), DropFileResume.For(path, DropFileStamp.Of(path)));
    }

    [Fact]
    public void Progress_saved_for_the_same_file_resumes_after_its_records()
    {
        var path = WriteFile("news.jsonl", "a");
        var stamp = DropFileStamp.Of(path);

        Assert.Null(DropFileResume.Save(path, stamp, 7));

        Assert.Equal(new DropFileResume(DropFileResume.Outcome.Resumed, 7), DropFileResume.For(path, stamp));
    }

    [Fact]
    public void Progress_of_a_file_named_to_the_last_byte_the_system_takes_is_saved_and_resumes()
    {
        // 123 Arabic letters and ".jsonl": 252 bytes; its record's name, and the temporary one it is written under,
        // are longer than that.
        var path = WriteFile(string.Concat(Enumerable.Repeat("خبر", 41)) + ".jsonl", "a");
        var stamp = DropFileStamp.Of(path);

        Assert.Null(DropFileResume.Save(path, stamp, 7));

        Assert.Equal(new DropFileResume(DropFileResume.Outcome.Resumed, 7), DropFileResume.For(path, stamp));
    }

    [Fact]
    public void Progress_saved_for_another_file_under_the_name_starts_from_the_beginning()
    {
        var path = WriteFile("news.jsonl", "a");
        Assert.Null(DropFileResume.Save(path, DropFileStamp.Of(path), 7));
        File.Delete(path);
        WriteFile("news.jsonl", "another, longer file");

        Assert.Equal(new DropFileResume(DropFileResume.Outcome.OtherFile), DropFileResume.For(path, DropFileStamp.Of(path)));
    }

    [Fact]
    public void A_corrupt_record_is_unreadable_with_its_reason_and_starts_from_the_beginning()
    {
        var path = WriteFile("news.jsonl", "a");
        Directory.CreateDirectory(Path.GetDirectoryName(DropFileProgress.PathFor(path))!);
        File.WriteAllText(DropFileProgress.PathFor(path), "{\"Stamp\": ");

        var resume = DropFileResume.For(path, DropFileStamp.Of(path));

        Assert.Equal(DropFileResume.Outcome.Unreadable, resume.Found);
        Assert.Equal(0, resume.Records);
        Assert.IsType<InvalidDataException>(resume.Error);
    }

    [Fact]
    public void A_link_is_never_resumed_nor_saved_since_its_stamp_does_not_follow_its_target()
    {
        var target = WriteFile("target.jsonl", "a");
        var link = Path.Combine(_drop.FullName, "news.jsonl");
        File.CreateSymbolicLink(link, target);
        var stamp = DropFileStamp.Of(link);
        Assert.True(stamp?.IsLink);

        Assert.Null(DropFileResume.Save(link, stamp, 7));

        Assert.False(File.Exists(DropFileProgress.PathFor(link)));
        Assert.Equal(DropFileResume.Outcome.NoneSaved, DropFileResume.For(link, stamp).Found);
    }

    [Fact]
    public void A_save_that_fails_returns_why_instead_of_throwing()
    {
        var path = WriteFile("news.jsonl", "a");
        var outside = Directory.CreateDirectory(Path.Combine(_drop.FullName, "..", $"{_drop.Name}-outside"));
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_drop.FullName, DropFolderOptions.ProgressFolderName), outside.FullName);

            var failure = DropFileResume.Save(path, DropFileStamp.Of(path), 7);

            Assert.IsType<IOException>(failure);
            Assert.Empty(outside.GetFiles());
            Assert.Equal(DropFileResume.Outcome.Unreadable, DropFileResume.For(path, DropFileStamp.Of(path)).Found);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_drop.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
