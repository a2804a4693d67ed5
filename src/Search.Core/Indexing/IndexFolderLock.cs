using System.Globalization;

namespace Search.Core.Indexing;

/// <summary>
/// Makes one process the only writer of an index folder. Lucene.Net 4.8's native lock relies on file share modes,
/// which .NET ignores on Linux, so a second process could open its own writer on the same folder and overwrite the
/// first one's commits. Here the lock is a file opened with <see cref="FileShare.None"/>, which .NET turns into an
/// exclusive advisory lock (<c>flock</c>) on Unix and a share-mode lock on Windows; the kernel drops it when the
/// process dies, so a crash never leaves a stale lock.
/// </summary>
internal sealed class IndexFolderLock : IDisposable
{
    public const string FileName = "process.lock";

    private readonly FileStream _file;

    private IndexFolderLock(FileStream file) => _file = file;

    /// <exception cref="IndexLockedException">Another process holds the folder.</exception>
    public static IndexFolderLock Acquire(string folder)
    {
        var path = Path.Combine(folder, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IndexLockedException(folder, OwnerOf(path), ex);
        }

        // Who holds it, for the message another process shows; written after the lock is ours.
        file.SetLength(0);
        var owner = System.Text.Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} ({Environment.ProcessPath ?? "unknown"}), since {DateTimeOffset.UtcNow:O}"));
        file.Write(owner);
        file.Flush();
        return new IndexFolderLock(file);
    }

    public void Dispose() => _file.Dispose();

    private static string? OwnerOf(string path)
    {
        try
        {
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(reader);
            return text.ReadToEnd();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
