using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Search.Api.Errors;

namespace Search.Api.Endpoints;

/// <summary>Whether a request body is declared as one of the media types an endpoint reads, in UTF-8, uncompressed.</summary>
internal static class RequestContentType
{
    /// <summary>
    /// The 415 for a body that is not one of <paramref name="mediaTypes"/> in UTF-8, or that declares a content coding
    /// (<c>Content-Encoding: gzip</c>), which no endpoint decodes: read as it came, a gzipped article was refused as
    /// "not valid UTF-8", a 400 that blamed the client's text. Null when the body may be read.
    /// </summary>
    /// <param name="sendAs">What the endpoint asks for, such as "Send the article as application/json in UTF-8".</param>
    public static ProblemHttpResult? Refusal(HttpRequest request, IReadOnlyCollection<string> mediaTypes, string sendAs)
    {
        var coding = request.Headers.ContentEncoding.ToString();
        if (coding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(name => !name.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 9110 §15.5.16: a 415 for a content coding says, in Accept-Encoding, which codings are read.
            request.HttpContext.Response.Headers.AcceptEncoding = "identity";
            return ApiErrors.Problem(ApiErrors.UnsupportedMediaType, $"{sendAs}, uncompressed: a body in Content-Encoding {coding} is not read.");
        }

        return IsOneOf(request, mediaTypes) ? null : ApiErrors.Problem(ApiErrors.UnsupportedMediaType, $"{sendAs}, not {request.ContentType}.");
    }

    /// <summary>True when the body has no declared type (read as the endpoint's own), or one of
    /// <paramref name="mediaTypes"/> (exactly, not as a prefix: <c>application/x-ndjsonfoo</c> is not NDJSON) with no
    /// charset or UTF-8, the only encoding read.</summary>
    private static bool IsOneOf(HttpRequest request, IReadOnlyCollection<string> mediaTypes)
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
