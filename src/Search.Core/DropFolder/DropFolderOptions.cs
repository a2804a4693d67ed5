namespace Search.Core.DropFolder;

/// <summary>Where a <see cref="DropFolderWatcher"/> looks and how patiently.</summary>
/// <param name="Folder">The watched folder (absolute); created when missing.</param>
public sealed record DropFolderOptions(string Folder)
{
    /// <summary>Subfolder that processed files move to, with their errors beside them when some records failed.</summary>
    public const string DoneFolderName = ".done";

    /// <summary>Subfolder that files with no usable record move to, each with a <c>.error.txt</c> beside it.</summary>
    public const string FailedFolderName = ".failed";

    /// <summary>Hidden subfolder where <see cref="DropFileIndexer"/> records how far into each file it has written,
    /// so a restart resumes there; a file's record goes once the file has moved on.</summary>
    public const string ProgressFolderName = ".progress";

    /// <summary>How long a file's size and modification time must stay unchanged before it counts as complete. A file
    /// renamed into the folder counts as complete at once.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the folder is listed when nothing is pending, in case the file system watcher missed an event
    /// (network shares, overflowing event queues).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries for a file whose handler fails (not one whose records are bad); after the last it moves to
    /// <see cref="FailedFolderName"/> with the error.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the second try; each further try waits as many times longer.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
