using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Search.Api.Endpoints;

/// <summary>The %-escapes of a request line. Kestrel leaves the escapes of bytes that are not UTF-8 as they came, so
/// the path or a parameter would be taken as the letters and digits of the escapes themselves.</summary>
internal static class PercentEscapes
{
    /// <summary>Whether <paramref name="escaped"/>, part of a request line, is UTF-8 once its escapes are decoded. The
    /// request line is ASCII (Kestrel refuses anything else), so Latin-1 gives its bytes back as they came.</summary>
    public static bool DecodeToUtf8(string escaped)
    {
        var bytes = Encoding.Latin1.GetBytes(escaped);
        return Utf8.IsValid(WebUtility.UrlDecodeToBytes(bytes, 0, bytes.Length));
    }
}
