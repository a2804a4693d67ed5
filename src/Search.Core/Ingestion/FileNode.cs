using System.Runtime.InteropServices;

namespace Search.Core.Ingestion;

/// <summary>
/// What a path leads to once links are followed: whether it is a regular file, and an identity every path to the
/// same file or folder shares (through symbolic links, hard links or bind mounts), so a walk reads each once. .NET
/// reports a named pipe, a socket or a device as a normal file, yet opening a pipe blocks until a writer comes and a
/// device may never end; on Linux libc's <c>statx</c> tells them apart.
/// </summary>
internal readonly partial record struct FileNode(bool IsRegular, string Identity)
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int LinkItself = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeAndInode = 0x1 | 0x100; // STATX_TYPE | STATX_INO
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG
    private const int FolderType = 0x4000; // S_IFDIR

    /// <summary>The node <paramref name="path"/> leads to; null when it leads nowhere (missing, a dangling link, a
    /// folder on the way that cannot be searched).</summary>
    /// <param name="followLink">False for the node of a symbolic link itself (not regular) rather than of its target.</param>
    public static FileNode? Of(string path, bool followLink = true)
    {
        if (!OperatingSystem.IsLinux())
        {
            return OfPortable(path, followLink);
        }

        // struct statx is laid out the same on every architecture: 256 bytes, the mode at 28, the inode at 32, the
        // device's major and minor numbers at 136 and 140.
        Span<byte> status = stackalloc byte[256];
        if (Statx(CurrentFolder, path, followLink ? 0 : LinkItself, TypeAndInode, ref MemoryMarshal.GetReference(status)) != 0)
        {
            return null;
        }

        var type = MemoryMarshal.Read<ushort>(status[28..]) & TypeMask;
        var inode = MemoryMarshal.Read<ulong>(status[32..]);
        var device = (MemoryMarshal.Read<uint>(status[136..]), MemoryMarshal.Read<uint>(status[140..]));
        return new FileNode(type == RegularType, $"{(type == FolderType ? 'd' : 'f')}{device.Item1}:{device.Item2}:{inode}");
    }

    /// <summary>Elsewhere (Windows, macOS: not targets), devices are not in folders, and a path with its links
    /// resolved stands for the file.</summary>
    private static FileNode? OfPortable(string path, bool followLink)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLink && info.LinkTarget is not null)
        {
            return new FileNode(false, "l" + Path.GetFullPath(info.FullName));
        }

        if (!info.Exists)
        {
            return null;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        return new FileNode(
            info is FileInfo && !target.Attributes.HasFlag(FileAttributes.Device),
            (info is DirectoryInfo ? "d" : "f") + Path.GetFullPath(target.FullName));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, ref byte status);
}
