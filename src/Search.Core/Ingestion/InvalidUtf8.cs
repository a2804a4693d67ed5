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

    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>True when the bytes open with a UTF-16 byte order mark.</summary>
    public static bool StartsAsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];

    /// <summary>The reason, for bytes that <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/> rejects.</summary>
    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        if (StartsAsUtf16(bytes))
        {
            return "not valid UTF-8 (the file is UTF-16; convert it with iconv -f utf-16 -t utf-8)";
        }

        if (LooksLikeWindows1256(bytes))
        {
            return "not valid UTF-8 (the file looks like Windows-1256; convert it with iconv -f cp1256 -t utf-8)";
        }

        var offset = FirstInvalidByte(bytes);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1} of the line; convert the file to UTF-8)");
    }

    private static bool LooksLikeWindows1256(ReadOnlySpan<byte> bytes)
    {
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
