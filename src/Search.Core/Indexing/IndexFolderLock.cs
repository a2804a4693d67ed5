using System.Globalization;

namespace Search.Core.Indexing;

/// <summary>
/// Makes one process the only writer of an index folder. Lucene.Net 4.8's native lock relies on file share modes,
/// which .NET ignores on Linux, so a second process could open its own writer on the same folder and overwrite the
/// first one's commits. Here the lock is a file opened with <see cref="FileShare.None"/>, which .NET turns into an
/// exclusive advisory lock (<c>flock</c>) on Unix and a share-mode lock on Windows; the kernel drops it when the
/// process dies, so a crash never leaves a stale lock. Who holds it goes into a second file: another process cannot
/// read the locked one, since .NET takes a shared <c>flock</c> for reading and the exclusive one refuses it.
/// </summary>
internal sealed class IndexFolderLock : IDisposable
{
    public const string FileName = "process.lock";
    public const string OwnerFileName = "process.owner";

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
            throw new IndexLockedException(folder, OwnerOf(Path.Combine(folder, OwnerFileName)), ex);
        }

        try
        {
            // Who holds it, for the message another process shows; written once the lock is ours. The first argument
            // names the program (Search.Api.dll, search-indexer.dll) where the process path would only say dotnet.
            File.WriteAllText(Path.Combine(folder, OwnerFileName), string.Create(
                CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, {Environment.GetCommandLineArgs().FirstOrDefault() ?? "unknown"}, since {DateTimeOffset.UtcNow:O}"));
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new IndexFolderLock(file);
    }

    public void Dispose() => _file.Dispose();

    private static string? OwnerOf(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
