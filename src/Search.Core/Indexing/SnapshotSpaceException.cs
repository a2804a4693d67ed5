namespace Search.Core.Indexing;

/// <summary>
/// A snapshot refused before copying anything: the disk it goes to would keep less free space than the index takes,
/// which the live index needs for its merges when both share a disk. Without it, a client allowed to take snapshots
/// filled the disk in a minute (71 full copies of 190 MB), and then the live index could not write either.
/// </summary>
public sealed class SnapshotSpaceException(long indexBytes, long freeBytes)
    : IOException($"A snapshot needs {Megabytes(indexBytes)} MB and the disk must keep as much again free afterwards; {Megabytes(freeBytes)} MB are free. Remove old snapshots or give the disk room.")
{
    public long IndexBytes { get; } = indexBytes;

    public long FreeBytes { get; } = freeBytes;

    /// <summary>Whether a snapshot of an index of <paramref name="indexBytes"/> fits in <paramref name="freeBytes"/>:
    /// its copy, and as much again left free.</summary>
    public static bool Fits(long indexBytes, long freeBytes) => freeBytes / 2 >= indexBytes;

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
