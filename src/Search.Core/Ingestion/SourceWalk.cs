namespace Search.Core.Ingestion;

/// <summary>
/// The files a list of paths stands for, in the order they are read: a file named explicitly as itself, a folder as
/// every wanted file under it, in name order. A walk never follows a link to a folder (one to its own folder would
/// make it endless), walks no folder twice and gives no file twice, however many paths lead to it. Hidden entries are
/// passed over; a folder that cannot be listed is reported and the walk goes on.
/// </summary>
internal static class SourceWalk
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
    };

    /// <param name="wanted">Whether a file met inside a folder is read, by its path.</param>
    public static IEnumerable<SourceEntry> Files(IEnumerable<string> paths, Func<string, bool> wanted)
    {
        var foldersWalked = new HashSet<string>(StringComparer.Ordinal);
        var filesGiven = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var entries = Directory.Exists(path) ? Walk(path, wanted, foldersWalked) : [new SourceEntry(path)];
            foreach (var entry in entries)
            {
                // A path that leads nowhere is given on, so the reader reports it.
                if (entry.Problem is not null || FileNode.Of(entry.Path) is not { } node || filesGiven.Add(node.Identity))
                {
                    yield return entry;
                }
            }
        }
    }

    private static List<SourceEntry> Walk(string root, Func<string, bool> wanted, HashSet<string> foldersWalked)
    {
        var found = new List<SourceEntry>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            if (FileNode.Of(folder) is { } node && !foldersWalked.Add(node.Identity))
            {
                continue;
            }

            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel))
                {
                    // Joined rather than entry.FullName, so a relative path given stays relative in reports.
                    var path = Path.Join(folder, entry.Name);
                    if (entry.Name.StartsWith('.'))
                    {
                        continue;
                    }

                    if (entry is not DirectoryInfo)
                    {
                        if (wanted(path))
                        {
                            found.Add(new SourceEntry(path, Folder: root));
                        }
                    }
                    else if (entry.LinkTarget is null)
                    {
                        pending.Push(path);
                    }
                    else
                    {
                        found.Add(new SourceEntry(path, "a link to a folder, not followed (name the folder itself to read it)"));
                    }
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                found.Add(new SourceEntry(folder, $"cannot read the folder: {ex.Message}"));
            }
        }

        found.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return found;
    }
}
