using Search.Core.DropFolder;

namespace Search.Core.Tests.DropFolder;

public sealed class SettledFilesTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("settled-files-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_file_is_complete_once_unchanged_for_the_settle_time()
    {
        var settled = new SettledFiles(Settle);
        var path = Write("a.jsonl", "{}");

        Assert.Empty(settled.Observe(List(), TimeSpan.FromSeconds(10)));
        Assert.Empty(settled.Observe(List(), TimeSpan.FromSeconds(10.5)));
        Assert.Equal([path], settled.Observe(List(), TimeSpan.FromSeconds(11)));
    }

    [Fact]
    public void A_file_that_grows_starts_its_settle_time_again()
    {
        var settled = new SettledFiles(Settle);
        var path = Write("a.jsonl", "{}");
        settled.Observe(List(), TimeSpan.FromSeconds(10));

        File.AppendAllText(path, "\n{}");

        Assert.Empty(settled.Observe(List(), TimeSpan.FromSeconds(10.9)));
        Assert.Empty(settled.Observe(List(), TimeSpan.FromSeconds(11.5)));
        Assert.Equal([path], settled.Observe(List(), TimeSpan.FromSeconds(11.9)));
    }

    [Fact]
    public void A_file_renamed_in_is_complete_when_first_seen()
    {
        var settled = new SettledFiles(Settle);
        var path = Write("a.jsonl", "{}");

        settled.MarkRenamedIn(path);

        Assert.Equal([path], settled.Observe(List(), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_forgotten_file_starts_afresh_and_a_vanished_one_is_dropped()
    {
        var settled = new SettledFiles(Settle);
        var path = Write("a.jsonl", "{}");
        settled.Observe(List(), TimeSpan.FromSeconds(10));

        settled.Forget(path);
        Assert.Empty(settled.Observe(List(), TimeSpan.FromSeconds(20)));

        File.Delete(path);
        settled.Observe(List(), TimeSpan.FromSeconds(21));
        Assert.Equal(0, settled.Count);
    }

    [Theory]
    [InlineData("news.jsonl", false)]
    [InlineData("news.jsonl.tmp", true)]
    [InlineData("news.jsonl.part", true)]
    [InlineData(".news.jsonl", true)]
    [InlineData("news.jsonl~", true)]
    public void Temporary_and_hidden_names_are_passed_over(string name, bool ignored) =>
        Assert.Equal(ignored, DropFileNames.IsIgnored(name));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private List<FileInfo> List() => [.. _folder.EnumerateFiles()];
}
