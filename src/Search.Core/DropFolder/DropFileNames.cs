using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Search.Core.DropFolder;

/// <summary>Names a drop folder passes over: files still being written under a temporary name, hidden files (and the
/// <c>.done</c>/<c>.failed</c>/<c>.progress</c> folders), and editor leftovers. A writer that renames a finished file
/// into place is therefore never read half-written.</summary>
public static class DropFileNames
{
    /// <summary>The longest file name Linux (ext4, xfs, tmpfs) and macOS take, in bytes of UTF-8.</summary>
    internal const int MaxNameBytes = 255;

    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~"];

    public static bool IsIgnored(string fileName) =>
        fileName.Length == 0
        || fileName.StartsWith('.')
        || fileName.StartsWith('~')
        || TemporarySuffixes.Any(suffix => fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name itself when it takes at most <paramref name="maxBytes"/> bytes of UTF-8; else its start, a
    /// hash of the whole name (so two long names stay apart) and its extension (<c>.jsonl.gz</c> kept whole). A
    /// dropped file's name may take all 255 bytes, and the names made from it (<c>.error.txt</c> beside it, a time
    /// stamp before it, its progress record) must still fit: 123 Arabic letters are 246 bytes.</summary>
    internal static string Fit(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Equals(".gz", StringComparison.OrdinalIgnoreCase))
        {
            extension = Path.GetExtension(name[..^extension.Length]) + extension;
        }

        if (Encoding.UTF8.GetByteCount(extension) > 32)
        {
            extension = "";
        }

        var hash = "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 4);
        var room = maxBytes - Encoding.UTF8.GetByteCount(hash + extension);
        var start = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(name[..^extension.Length]);
        while (elements.MoveNext() && Encoding.UTF8.GetByteCount(start + elements.GetTextElement()) <= room)
        {
            start.Append(elements.GetTextElement());
        }

        return start + hash + extension;
    }
}
