namespace Search.Evaluation.Commands;

/// <summary>
/// Finds data files and folders given relative to the current folder or to the repository root (the folder holding
/// Search.sln), and falls back to the shared data folder by name, so the defaults work from anywhere in the checkout.
/// </summary>
internal static class DataPaths
{
    public const string SharedDataFolder = "/work/shared/data";
    private const string SolutionFile = "Search.sln";

    /// <returns>The full path of the first candidate that exists, or null.</returns>
    public static string? Resolve(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        if (!Path.IsPathRooted(path) && RepositoryRoot() is { } root && Path.GetFullPath(Path.Combine(root, path)) is var fromRoot
            && (File.Exists(fromRoot) || Directory.Exists(fromRoot)))
        {
            return fromRoot;
        }

        var shared = Path.Combine(SharedDataFolder, Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
        return File.Exists(shared) || Directory.Exists(shared) ? shared : null;
    }

    /// <summary>Resolves every path; when any is missing, says which on <paramref name="log"/> and returns null.</summary>
    public static List<string>? ResolveAll(IReadOnlyCollection<string> paths, TextWriter log)
    {
        var resolved = paths.Select(path => (Path: path, Full: Resolve(path))).ToList();
        var missing = resolved.Where(pair => pair.Full is null).Select(pair => pair.Path).ToList();
        if (paths.Count == 0 || missing.Count > 0)
        {
            log.WriteLine($"error: no such file or folder: {string.Join(", ", missing.DefaultIfEmpty("(none given)"))}");
            return null;
        }

        return [.. resolved.Select(pair => pair.Full!)];
    }

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
