namespace Search.Core.Writing;

/// <summary>
/// Fills a folder under a hidden name beside it (<c>.&lt;name&gt;.partial</c>) and renames it into place once whole, so
/// a copy cut short (a SIGKILL, a full disk) leaves nothing under the final name: a half-copied snapshot is never
/// taken for one, and does not hold its name. The next fill of the same name removes a partial folder a crash left.
/// </summary>
/// <remarks>Not thread-safe for one name: callers fill a name once at a time (<see cref="Indexing.NewsIndex.SnapshotTo"/>
/// holds a lock; a restore target is one tool's).</remarks>
internal static class StagedFolder
{
    /// <summary>The partial folder of <paramref name="targetFolder"/>, where <see cref="Fill{T}"/> copies.</summary>
    public static string PartialOf(string targetFolder)
    {
        var target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(targetFolder));
        return Path.Combine(Path.GetDirectoryName(target) ?? target, $".{Path.GetFileName(target)}.partial");
    }

    /// <summary>The partial folders beside <paramref name="partialFolder"/> (itself left out), which fills cut short
    /// by a crash left, and the bytes their files hold.</summary>
    public static (IReadOnlyList<string> Folders, long Bytes) LeftoversBeside(string partialFolder)
    {
        var own = Path.GetFullPath(Path.TrimEndingDirectorySeparator(partialFolder));
        var folders = new DirectoryInfo(Path.GetDirectoryName(own) ?? own).EnumerateDirectories(".*.partial")
            .Where(folder => folder.FullName != own && folder.LinkTarget is null)
            .OrderBy(folder => folder.Name, StringComparer.Ordinal)
            .ToList();
        var bytes = folders.Sum(folder => folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length));
        return ([.. folders.Select(folder => folder.FullName)], bytes);
    }

    /// <summary>Runs <paramref name="fill"/> on an empty partial folder, then moves that folder to
    /// <paramref name="targetFolder"/>, which must be absent or empty (the caller checked).</summary>
    /// <exception cref="IOException"><paramref name="targetFolder"/> is no longer empty, or what <paramref name="fill"/>
    /// throws; either way the partial folder is removed.</exception>
    public static T Fill<T>(string targetFolder, Func<string, T> fill)
    {
        var target = Path.GetFullPath(Path.TrimEndingDirectorySeparator(targetFolder));
        var partial = PartialOf(target);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        Directory.CreateDirectory(partial);
        try
        {
            var result = fill(partial);
            FolderSync.Flush(partial);
            if (Directory.Exists(target))
            {
                Directory.Delete(target); // empty, or this throws: a move cannot replace a folder
            }

            Directory.Move(partial, target);
            FolderSync.Flush(Path.GetDirectoryName(target) ?? target);
            return result;
        }
        catch
        {
            try
            {
                Directory.Delete(partial, recursive: true);
            }
            catch (IOException)
            {
                // The next fill of this name removes it; the caller's error matters more.
            }

            throw;
        }
    }
}
