using System.Buffers;
using System.Globalization;
using System.Text;

namespace Search.Core.Ingestion;

/// <summary>
/// Says why bytes are not UTF-8 in words an operator can act on: the encoding they look like and the command that
/// converts them. Arabic text saved by older Windows tools is Windows-1256, and decoding it as UTF-8 with replacement
/// characters would index garbage without a word.
/// </summary>
internal static class InvalidUtf8
{
    // Arabic letters make up most of the non-ASCII characters of Arabic text; a Latin-1 file decoded as 1256 gives few.
    private const double ArabicShareOfWindows1256 = 0.6;

    // UTF-8 Arabic read as 1256 is 60% Arabic letters too, so the bytes must also be unlike UTF-8: in Windows-1256
    // Arabic, a letter then a byte that continues a UTF-8 sequence (the comma 0xA1, ؟ 0xBF) is rare, about one
    // well-formed sequence to 50 broken ones; UTF-8 with a stray byte is the reverse.
    private const int BrokenPerWellFormedSequence = 10;

    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>True when the bytes open with a UTF-16 byte order mark (either byte order).</summary>
    public static bool HasUtf16ByteOrderMark(ReadOnlySpan<byte> bytes) => bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    /// <summary>True when the bytes open with a UTF-16 byte order mark, or as UTF-16 text without one: two ASCII
    /// characters, each with its zero byte (JSON in UTF-8 holds no zero byte, and begins with ASCII).</summary>
    public static bool StartsAsUtf16(ReadOnlySpan<byte> bytes) =>
        HasUtf16ByteOrderMark(bytes)
            || bytes is [> 0 and < 0x80, 0, > 0 and < 0x80, 0, ..] or [0, > 0 and < 0x80, 0, > 0 and < 0x80, ..];

    /// <summary>The reason, for bytes that <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/> rejects.</summary>
    /// <param name="whole">What the bytes are, to place the first bad byte: the line, the file.</param>
    public static string Describe(ReadOnlySpan<byte> bytes, string whole = "line")
    {
        if (StartsAsUtf16(bytes))
        {
            return HasUtf16ByteOrderMark(bytes)
                ? "not valid UTF-8 (the file is UTF-16; convert it with iconv -f utf-16 -t utf-8)"
                : $"not valid UTF-8 (the file looks like UTF-16 without a byte order mark; convert it with iconv -f {(bytes[0] == 0 ? "utf-16be" : "utf-16le")} -t utf-8)";
        }

        if (LooksLikeWindows1256(bytes))
        {
            return "not valid UTF-8 (the file looks like Windows-1256; convert it with iconv -f cp1256 -t utf-8)";
        }

        var offset = FirstInvalidByte(bytes);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1} of the {whole}; convert the file to UTF-8)");
    }

    /// <summary>True for bytes that are not UTF-8 and read as Arabic in Windows-1256.</summary>
    public static bool LooksLikeWindows1256(ReadOnlySpan<byte> bytes)
    {
        var (wellFormed, broken) = Utf8Sequences(bytes);
        if (broken == 0 || broken < wellFormed * BrokenPerWellFormedSequence)
        {
            return false;
        }

        var nonAscii = 0;
        var arabic = 0;
        foreach (var c in Windows1256.GetString(bytes))
        {
            if (c >= 0x80)
            {
                nonAscii++;
                arabic += c is >= '\u0600' and <= '\u06FF' ? 1 : 0;
            }
        }

        return nonAscii > 0 && arabic >= nonAscii * ArabicShareOfWindows1256;
    }

    /// <summary>How many multi-byte UTF-8 sequences the bytes hold, and how many broken ones.</summary>
    private static (int WellFormed, int Broken) Utf8Sequences(ReadOnlySpan<byte> bytes)
    {
        var (wellFormed, broken) = (0, 0);
        for (var offset = 0; offset < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            wellFormed += status == OperationStatus.Done && consumed > 1 ? 1 : 0;
            broken += status == OperationStatus.Done ? 0 : 1;
            offset += consumed;
        }

        return (wellFormed, broken);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return Math.Min(offset, bytes.Length - 1);
    }
}
