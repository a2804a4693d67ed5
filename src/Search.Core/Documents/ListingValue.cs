using System.Text;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>
/// The <see cref="NewsFields.Listing"/> doc value: the URL and the publication time as written, each as a length (a
/// variable-length integer, 0 for none, else the UTF-8 byte count plus one) and its UTF-8 bytes.
/// </summary>
public static class ListingValue
{
    public static BytesRef Encode(string? url, string? publishedAtText)
    {
        var bytes = new List<byte>(64);
        Append(bytes, url);
        Append(bytes, publishedAtText);
        return new BytesRef([.. bytes]);
    }

    /// <summary>The two values; false when <paramref name="value"/> is not one <see cref="Encode"/> wrote (empty: the
    /// article was indexed before the field existed).</summary>
    public static bool TryDecode(BytesRef value, out string? url, out string? publishedAtText)
    {
        var span = new ReadOnlySpan<byte>(value.Bytes, value.Offset, value.Length);
        url = publishedAtText = null;
        return span.Length > 0 && TryRead(ref span, out url) && TryRead(ref span, out publishedAtText) && span.IsEmpty;
    }

    private static void Append(List<byte> bytes, string? text)
    {
        var encoded = text is null ? [] : Encoding.UTF8.GetBytes(text);
        var length = text is null ? 0u : (uint)encoded.Length + 1;
        while (length >= 0x80)
        {
            bytes.Add((byte)(length | 0x80));
            length >>= 7;
        }

        bytes.Add((byte)length);
        bytes.AddRange(encoded);
    }

    private static bool TryRead(ref ReadOnlySpan<byte> span, out string? text)
    {
        text = null;
        uint length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (span.IsEmpty || shift > 28)
            {
                return false;
            }

            var b = span[0];
            span = span[1..];
            length |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        if (length == 0)
        {
            return true;
        }

        if (length - 1 > (uint)span.Length)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(span[..(int)(length - 1)]);
        span = span[(int)(length - 1)..];
        return true;
    }
}
