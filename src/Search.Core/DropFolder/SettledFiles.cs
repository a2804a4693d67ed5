namespace Search.Core.DropFolder;

/// <summary>
/// Tells which files of a folder are complete, from successive listings: a file is complete once its size and
/// modification time have stayed the same for the settle time, or as soon as it is seen after being renamed into the
/// folder (writers that rename a finished file into place). The file system gives no "closed" event to rely on, so a
/// writer that pauses longer than the settle time is taken as done; write in one go or rename into place.
/// </summary>
/// <remarks>Not thread-safe: one watcher loop owns it.</remarks>
internal sealed class SettledFiles(TimeSpan settleTime)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _renamedIn = new(StringComparer.Ordinal);

    /// <summary>Files seen and not yet complete (or complete and not yet <see cref="Forget"/>-ten).</summary>
    public int Count => _entries.Count;

    /// <summary>The file was renamed into the folder: complete when next listed.</summary>
    public void MarkRenamedIn(string path) => _renamedIn.Add(path);

    /// <summary>Records one listing of the folder taken at <paramref name="now"/> (any monotonic clock).</summary>
    /// <returns>The complete files, in name order.</returns>
    public IReadOnlyList<string> Observe(IEnumerable<FileInfo> files, TimeSpan now)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var complete = new List<string>();
        foreach (var file in files)
        {
            var path = file.FullName;
            listed.Add(path);
            var renamedIn = _renamedIn.Remove(path);
            if (!_entries.TryGetValue(path, out var entry) || entry.Length != file.Length || entry.WriteTime != file.LastWriteTimeUtc)
            {
                entry = new Entry(file.Length, file.LastWriteTimeUtc, now);
                _entries[path] = entry;
                if (!renamedIn)
                {
                    continue;
                }
            }

            if (renamedIn || now - entry.UnchangedSince >= settleTime)
            {
                complete.Add(path);
            }
        }

        foreach (var gone in _entries.Keys.Where(path => !listed.Contains(path)).ToList())
        {
            _entries.Remove(gone);
        }

        complete.Sort(StringComparer.Ordinal);
        return complete;
    }

    /// <summary>The file was dealt with (moved away): a file of the same name appearing later starts afresh.</summary>
    public void Forget(string path) => _entries.Remove(path);

    private sealed record Entry(long Length, DateTime WriteTime, TimeSpan UnchangedSince);
}
