using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing;

namespace Search.Core.Writing;

/// <summary>
/// Snapshots and restores an index that no process serves, for the command-line tools (a running service snapshots
/// through <see cref="ArticleStore.Snapshot"/>). Both copy exactly the files of one Lucene commit, the commit file
/// last, so an interrupted copy is never taken for an index.
/// </summary>
public static class IndexBackup
{
    /// <summary>
    /// Copies the index in <paramref name="indexFolder"/> to <paramref name="targetFolder"/> (absent or empty). When
    /// <paramref name="logFolder"/> holds a write-ahead log, what it has beyond the index's last commit is applied and
    /// committed first, as a service does when it starts, so the copy holds every acknowledged write.
    /// </summary>
    /// <exception cref="IndexLockedException">A service or another tool holds the index.</exception>
    /// <exception cref="IOException">No index in <paramref name="indexFolder"/>, or <paramref name="targetFolder"/> is not empty.</exception>
    public static async Task<IndexSnapshotInfo> SnapshotAsync(string indexFolder, string targetFolder, string? logFolder, CancellationToken cancellationToken = default)
    {
        if (!NewsIndex.ExistsAt(indexFolder))
        {
            throw new IOException($"There is no index at {indexFolder}.");
        }

        RequireEmpty(targetFolder, "snapshot");
        using var index = OpenOffline(indexFolder);
        if (logFolder is null || !System.IO.Directory.Exists(logFolder) || !System.IO.Directory.EnumerateFiles(logFolder, "*.log").Any())
        {
            return index.SnapshotTo(targetFolder);
        }

        var store = ArticleStore.OpenLocal(index, logFolder);
        await using (store.ConfigureAwait(false))
        {
            await store.CaughtUpAsync(cancellationToken).ConfigureAwait(false);
            return store.Snapshot(targetFolder);
        }
    }

    /// <summary>
    /// Copies the snapshot in <paramref name="snapshotFolder"/> into <paramref name="indexFolder"/> (absent or empty),
    /// checks the copy with Lucene's <see cref="CheckIndex"/> and opens it, so a service started on the folder serves
    /// it. A service on the restored index numbers its new writes after the snapshot's log position.
    /// </summary>
    /// <exception cref="IOException">No snapshot in <paramref name="snapshotFolder"/>, or <paramref name="indexFolder"/> is not empty; nothing is left behind.</exception>
    /// <exception cref="InvalidDataException">The copy fails the check (a damaged snapshot); nothing is left behind.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between two files; nothing is left behind.</exception>
    public static RestoredIndex Restore(string snapshotFolder, string indexFolder, CancellationToken cancellationToken = default)
    {
        if (!NewsIndex.ExistsAt(snapshotFolder))
        {
            throw new IOException($"There is no index snapshot at {snapshotFolder}.");
        }

        RequireEmpty(indexFolder, "index");

        // Copied and checked under another name, then renamed: a restore cut short (a crash, Ctrl+C, a damaged
        // snapshot) leaves the folder as it was, so running it again works.
        return StagedFolder.Fill(indexFolder, partial =>
        {
            var (files, bytes) = CopyLastCommit(snapshotFolder, partial, cancellationToken);
            using var index = OpenOffline(partial);
            return new RestoredIndex(indexFolder, files, bytes, index.Count, index.CommittedSequence);
        });
    }

    /// <summary>The index in a folder no service holds, opened for one step of a backup or a restore: nothing searches
    /// it, so it neither refreshes nor holds files in memory.</summary>
    private static NewsIndex OpenOffline(string indexFolder) =>
        NewsIndex.Open(new NewsIndexOptions(indexFolder) { MaxRefreshDelay = null, ResidentMemoryMb = 0 });

    private static (int Files, long Bytes) CopyLastCommit(string sourceFolder, string targetFolder, CancellationToken cancellationToken)
    {
        using var source = new PositionalReadDirectory(sourceFolder);
        using var target = new PositionalReadDirectory(targetFolder);
        var commit = new SegmentInfos();
        commit.Read(source);
        var files = commit.GetFiles(source, includeSegmentsFile: true)
            .OrderBy(name => name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal))
            .ToList();
        long bytes = 0;
        foreach (var name in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.Copy(target, name, name, IOContext.DEFAULT);
            bytes += target.FileLength(name);
        }

        target.Sync(files);
        FolderSync.Flush(targetFolder);
        var status = new CheckIndex(target).DoCheckIndex();
        if (!status.Clean)
        {
            throw new InvalidDataException(
                $"The copy of {sourceFolder} fails Lucene's CheckIndex ({status.NumBadSegments} bad segment(s), {status.TotLoseDocCount} document(s) lost): the snapshot is damaged.");
        }

        return (files.Count, bytes);
    }

    private static void RequireEmpty(string folder, string what)
    {
        if (System.IO.Directory.Exists(folder) && System.IO.Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new IOException($"The {what} folder {folder} is not empty; give a new or empty folder.");
        }
    }
}
