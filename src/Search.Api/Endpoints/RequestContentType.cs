using Microsoft.Net.Http.Headers;

namespace Search.Api.Endpoints;

/// <summary>Whether a request body is declared as one of the media types an endpoint reads, in UTF-8.</summary>
internal static class RequestContentType
{
    /// <summary>True when the body has no declared type (read as the endpoint's own), or one of
    /// <paramref name="mediaTypes"/> (exactly, not as a prefix: <c>application/x-ndjsonfoo</c> is not NDJSON) with no
    /// charset or UTF-8, the only encoding read.</summary>
    public static bool IsOneOf(HttpRequest request, IReadOnlyCollection<string> mediaTypes)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var declared) || declared.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var charset = declared.Charset.Value;
        return mediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
