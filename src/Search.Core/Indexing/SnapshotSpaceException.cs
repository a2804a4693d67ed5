namespace Search.Core.Indexing;

/// <summary>
/// A snapshot refused before copying anything: the disk it goes to would keep less free space than the index takes,
/// which the live index needs for its merges when both share a disk. Without it, a client allowed to take snapshots
/// filled the disk in a minute (71 full copies of 190 MB), and then the live index could not write either.
/// </summary>
/// <param name="leftovers">The hidden folders of snapshots cut short (<c>.&lt;name&gt;.partial</c>) beside the
/// snapshot, and the bytes they hold: named in the message, since a plain listing does not show them and only a
/// snapshot of the same name removes one, which a crash during a copy of 17 MB left holding the disk's room.</param>
public sealed class SnapshotSpaceException(long indexBytes, long freeBytes, IReadOnlyList<string>? leftovers = null, long leftoverBytes = 0)
    : IOException($"A snapshot needs {Megabytes(indexBytes)} MB and the disk must keep as much again free afterwards; {Megabytes(freeBytes)} MB are free. Remove old snapshots or give the disk room."
        + (leftovers is { Count: > 0 } ? $" {Megabytes(leftoverBytes)} MB of it are taken by snapshots cut short, which may be removed: {string.Join(", ", leftovers)}." : ""))
{
    public long IndexBytes { get; } = indexBytes;

    public long FreeBytes { get; } = freeBytes;

    /// <summary>Whether a snapshot of an index of <paramref name="indexBytes"/> fits in <paramref name="freeBytes"/>:
    /// its copy, and as much again left free.</summary>
    public static bool Fits(long indexBytes, long freeBytes) => freeBytes / 2 >= indexBytes;

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
