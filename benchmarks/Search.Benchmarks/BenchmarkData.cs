namespace Search.Benchmarks;

/// <summary>
/// Finds the public test corpora (a folder holding <c>ant-multisource/</c>) at run time. BenchmarkDotNet runs each
/// benchmark in a child process with its own working folder, so the lookup walks up from both the working folder and
/// the assembly's folder; <c>SEARCH_BENCH_DATA</c> overrides it. Nothing from the corpora is part of this project.
/// </summary>
public static class BenchmarkData
{
    public const string EnvironmentVariable = "SEARCH_BENCH_DATA";
    private const string MultiSourceFolder = "ant-multisource";

    /// <summary>The folder holding <c>ant-multisource/</c>, or null when there is none.</summary>
    public static string? FindDataFolder()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(Path.Combine(configured, MultiSourceFolder)) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, MultiSourceFolder)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The multi-source news files, in name order; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> MultiSourceFiles()
    {
        var folder = FindDataFolder();
        return folder is null
            ? []
            : [.. Directory.EnumerateFiles(Path.Combine(folder, MultiSourceFolder), "*.jsonl.gz").Order(StringComparer.Ordinal)];
    }
}
