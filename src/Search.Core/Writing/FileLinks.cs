using System.Runtime.InteropServices;

namespace Search.Core.Writing;

/// <summary>
/// Hard links, for snapshots that cost no copy: Lucene writes every index file once and never changes it, so a second
/// name for the same bytes stays what the commit held while the live index merges on and deletes its own names. .NET
/// has no API for hard links, hence libc.
/// </summary>
internal static partial class FileLinks
{
    /// <summary>Gives <paramref name="existing"/> the second name <paramref name="link"/>; false where that cannot be
    /// done (another file system, one without hard links, a file at its link limit, not Linux), for the caller to copy
    /// instead.</summary>
    public static bool TryLink(string existing, string link) =>
        OperatingSystem.IsLinux() && Link(existing, link) == 0;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);
}
