namespace Search.LoadTest.Workload;

/// <summary>
/// Finds the public test corpora at run time: the <c>shared/data</c> folder beside or above the working folder (the
/// repository's <c>../shared/data</c>). Nothing from them is part of this project.
/// </summary>
public static class DataLocator
{
    /// <summary>The <c>shared/data</c> folder, or null.</summary>
    public static string? FindDataFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The news corpora (<c>ant-*</c> folders) under the data folder; empty when there are none.</summary>
    public static IReadOnlyList<string> NewsFolders() =>
        FindDataFolder() is { } data ? [.. Directory.EnumerateDirectories(data, "ant-*").Order(StringComparer.Ordinal)] : [];

    /// <summary>XQuAD's Arabic questions, when present.</summary>
    public static string? QuestionsFile() =>
        FindDataFolder() is { } data && File.Exists(Path.Combine(data, "xquad-ar", "queries.tsv"))
            ? Path.Combine(data, "xquad-ar", "queries.tsv")
            : null;

    /// <summary>The repository root (the folder holding Search.sln) above the working folder or this assembly.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
