using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Writing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing;

/// <summary>
/// Takes snapshots of an index's last commit while writes go on: the commit's files are held back from deletion until
/// the snapshot is whole, hard-linked where the target shares the index's disk and copied where it does not, in a
/// hidden folder renamed into place once whole (<see cref="StagedFolder"/>).
/// </summary>
internal sealed class CommitSnapshots(LuceneDirectory directory, SnapshotDeletionPolicy commits, Action deleteUnusedFiles)
{
    // One at a time: two snapshots of one name, both finding the folder empty, would copy into it together.
    private readonly System.Threading.Lock _lock = new();

    /// <exception cref="SnapshotExistsException">The folder holds something already.</exception>
    /// <exception cref="SnapshotSpaceException">A copy would leave its disk without room; nothing is copied.</exception>
    public IndexSnapshotInfo Take(string targetFolder)
    {
        lock (_lock)
        {
            if (System.IO.Directory.Exists(targetFolder) && System.IO.Directory.EnumerateFileSystemEntries(targetFolder).Any())
            {
                throw new SnapshotExistsException(targetFolder);
            }

            // Copied under another name and renamed when whole: a copy cut short leaves no folder of this name.
            return StagedFolder.Fill(targetFolder, CopyLastCommit) with { Folder = targetFolder };
        }
    }

    private IndexSnapshotInfo CopyLastCommit(string targetFolder)
    {
        var commit = commits.Snapshot();
        try
        {
            using var target = new PositionalReadDirectory(targetFolder);
            var files = commit.FileNames.OrderBy(name => name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)).ToList();
            var linked = LinkWhilePossible(files, targetFolder);
            var needed = files.Skip(linked).Sum(directory.FileLength);
            var free = new DriveInfo(targetFolder).AvailableFreeSpace;
            if (needed > 0 && !SnapshotSpaceException.Fits(needed, free))
            {
                var (leftovers, leftoverBytes) = StagedFolder.LeftoversBeside(targetFolder);
                throw new SnapshotSpaceException(needed, free, leftovers, leftoverBytes);
            }

            foreach (var name in files.Skip(linked))
            {
                directory.Copy(target, name, name, IOContext.DEFAULT);
            }

            target.Sync(files);
            commit.UserData.TryGetValue(NewsIndex.SequenceKey, out var sequence);
            return new IndexSnapshotInfo(
                targetFolder,
                commit.Generation,
                files.Count,
                files.Sum(target.FileLength),
                long.TryParse(sequence, CultureInfo.InvariantCulture, out var s) ? s : 0,
                needed);
        }
        finally
        {
            commits.Release(commit);
            deleteUnusedFiles();
        }
    }

    /// <summary>
    /// Hard-links the commit's files into the snapshot, in order, until one cannot be (another disk, no links there),
    /// and returns how many were; the rest are copied. A linked snapshot takes no space until the live index merges
    /// away the files it shares (Lucene never rewrites a file), where a copy writes the whole index again (124 MB for
    /// the shared news).
    /// </summary>
    private int LinkWhilePossible(List<string> files, string targetFolder)
    {
        if (directory is not FSDirectory source)
        {
            return 0;
        }

        var linked = 0;
        while (linked < files.Count
            && FileLinks.TryLink(Path.Combine(source.Directory.FullName, files[linked]), Path.Combine(targetFolder, files[linked])))
        {
            linked++;
        }

        return linked;
    }
}
