using Search.Core.Ingestion;

namespace Search.Core.DropFolder;

/// <summary>
/// Which file a drop folder path leads to at one moment: the file's identity (device and inode), size and modification
/// time, and whether the path is a symbolic link (then the link itself, never followed). Taken before a file is handled and again before it is moved, it
/// tells whether the file read is still the one under that name: a writer may rename a new file over it meanwhile,
/// and moving that one to <c>.done/</c> unread would lose it. An inode freed and reused is why size and time are kept
/// too. It also keys a file's <see cref="DropFileProgress"/>.
/// </summary>
public readonly record struct DropFileStamp(string Identity, long Length, DateTime LastWriteTimeUtc, bool IsLink)
{
    /// <summary>The stamp of what <paramref name="path"/> leads to now; null when it leads nowhere.</summary>
    public static DropFileStamp? Of(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (FileNode.Of(path, followLink: false) is not { } node)
            {
                return null;
            }

            // A link's size and time would be its target's, which moving a relative link changes.
            return file.LinkTarget is not null
                ? new DropFileStamp(node.Identity, 0, default, IsLink: true)
                : new DropFileStamp(node.Identity, file.Length, file.LastWriteTimeUtc, IsLink: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
