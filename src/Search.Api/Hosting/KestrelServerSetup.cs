using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Hosting;

/// <summary>
/// Kestrel's request limits sized to what the API accepts, so a query within <see cref="SearchRequest.MaxQueryLength"/>
/// characters in any script reaches our validation (and an over-long one gets our own 400) instead of a bare 414 or
/// 431; and no <c>Server</c> header, which only tells an attacker what to try. Larger limits set in configuration stay.
/// </summary>
internal sealed class KestrelServerSetup : IConfigureOptions<KestrelServerOptions>
{
    /// <summary>
    /// A query of <see cref="SearchRequest.MaxQueryUtf16Length"/> UTF-16 units of 3-byte UTF-8 characters is 36 KB
    /// percent-encoded (1,000 characters outside the BMP, 12 bytes each, are 12 KB); the rest leaves room for filters
    /// and a cursor. Kestrel's default is 8 KB.
    /// </summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>The search page's address holds the query, and a browser sends it back in <c>Referer</c> with every
    /// call the page makes: room for one such address on top of Kestrel's default 32 KB.</summary>
    public const int MaxRequestHeadersBytes = MaxRequestLineBytes + (32 * 1024);

    public void Configure(KestrelServerOptions options)
    {
        options.AddServerHeader = false;
        var limits = options.Limits;
        limits.MaxRequestLineSize = Math.Max(limits.MaxRequestLineSize, MaxRequestLineBytes);
        limits.MaxRequestHeadersTotalSize = Math.Max(limits.MaxRequestHeadersTotalSize, MaxRequestHeadersBytes);

        // HTTP/2 carries the address as a header field of its own, 16 KB at most by default.
        limits.Http2.MaxRequestHeaderFieldSize = Math.Max(limits.Http2.MaxRequestHeaderFieldSize, MaxRequestHeadersBytes);
    }
}
