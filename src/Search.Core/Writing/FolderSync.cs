using System.Runtime.InteropServices;

namespace Search.Core.Writing;

/// <summary>
/// Flushes a folder's entries to disk, so that a file just created (or renamed) is still there after a power loss:
/// fsync on the file alone does not persist its name on Linux file systems. .NET has no API for it, hence libc.
/// </summary>
internal static partial class FolderSync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Windows persists names with the file's own flush; other systems are not targets.
        }

        var descriptor = Open(folder, ReadOnly | Directory);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot flush {folder} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
