namespace Search.Indexer.Tests;

/// <summary>A temporary folder per test class, deleted at the end, with helpers to write article files into it.</summary>
public abstract class TestFolder : IDisposable
{
    protected string Root { get; } = Directory.CreateTempSubdirectory("indexer-tests-").FullName;

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static string Record(string id, string title, string? body = null) =>
        $$"""{"id":"{{id}}","title":"{{title}}","body":"{{body ?? "نص الخبر " + title}}.","date":"2025-01-02T10:00:00+03:00","source":"الرصد"}""";

    protected string Write(string name, params string[] lines)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    protected string Folder(string name) => Path.Combine(Root, name);
}
