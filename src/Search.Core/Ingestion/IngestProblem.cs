using System.Buffers;
using System.Text;

namespace Search.Core.Ingestion;

/// <summary>Why a record was skipped, and where it is: <see cref="Line"/> is 1-based, null for whole-file formats;
/// <see cref="Field"/> names the field at fault when one is.</summary>
public sealed record IngestProblem(string File, int? Line, string Message, string? Field = null)
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(char.IsControl)]);

    /// <summary>One line, its control characters written as escapes: a file named <c>a\nskipped b.jsonl:1: x</c> forged
    /// a report line of its own, and an escape sequence in a name reached the terminal.</summary>
    public override string ToString() => Printable(Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}");

    private static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAny(Controls))
        {
            return text;
        }

        var printable = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            printable.Append(Controls.Contains(c) ? $"\\u{(int)c:X4}" : c);
        }

        return printable.ToString();
    }
}
