namespace Search.Core.DropFolder;

/// <summary>Names a drop folder passes over: files still being written under a temporary name, hidden files (and the
/// <c>.done</c>/<c>.failed</c>/<c>.progress</c> folders), and editor leftovers. A writer that renames a finished file
/// into place is therefore never read half-written.</summary>
public static class DropFileNames
{
    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~"];

    public static bool IsIgnored(string fileName) =>
        fileName.Length == 0
        || fileName.StartsWith('.')
        || fileName.StartsWith('~')
        || TemporarySuffixes.Any(suffix => fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
