using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Search.Api.Errors;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;

namespace Search.Api.Endpoints;

/// <summary>Reads a request body up to a size limit, so an oversized one is refused with our own 413, not buffered.</summary>
internal static class RequestBody
{
    /// <summary>How long a body may take to pick up speed before its minimum rate applies.</summary>
    public static readonly TimeSpan MinRateGrace = TimeSpan.FromSeconds(10);

    /// <param name="minBytesPerSecond">When given, the body must arrive at least this fast on average after a grace of
    /// <see cref="MinRateGrace"/> (HTTP/1.1; HTTP/2 keeps Kestrel's own floor), or the read fails with a 408.</param>
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, double? minBytesPerSecond, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Kestrel's own floor, 240 bytes/s, lets a body trickle for days, and a write holds its place under
        // Search:Writes:MaxPendingBytes all the while: four such bulks would shut out every other write.
        if (minBytesPerSecond is { } rate
            && (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
            && request.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = new MinDataRate(rate, MinRateGrace);
        }

        // Kestrel's own cap (30 MB by default) would answer a bare 413 before this limit applies.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await ReadChunkAsync(request.Body, chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Kestrel reports some bodies it cannot parse (a chunk size past 64 bits) and a client that reset the connection
    /// mid-body as a plain <see cref="IOException"/>, which would be logged as our failure and counted as a 500; both
    /// are the client's, so they become the 400 a malformed body gets.
    /// </summary>
    private static async ValueTask<int> ReadChunkAsync(Stream body, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            throw new BadHttpRequestException($"The request body could not be read: {ex.Message}", StatusCodes.Status400BadRequest, ex);
        }
    }

    /// <summary>
    /// Reads an optional JSON body (application/json, or no type) of at most <paramref name="maxBytes"/> inside the
    /// handler. A body bound as a handler parameter is read and parsed before the endpoint's filters run, the key check
    /// among them, so any client without a key could have the service buffer and parse up to Kestrel's 30 MB per call.
    /// </summary>
    /// <returns>The value (null when there is no body, or it is <c>null</c>), or the problem to answer with.</returns>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(
        HttpRequest request, JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (RequestContentType.Refusal(request, ["application/json"], "Send the body as application/json in UTF-8") is { } refusal)
        {
            return (null, refusal);
        }

        var body = await ReadAsync(request, maxBytes, minBytesPerSecond: null, cancellationToken);
        if (body is null)
        {
            return (null, ApiErrors.Problem(ApiErrors.PayloadTooLarge, $"The body may be at most {maxBytes:N0} bytes."));
        }

        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize(body, type), null);
        }
        catch (JsonException)
        {
            return (null, ApiErrors.Problem(ApiErrors.MalformedRequest, ProblemExceptionHandler.NotExpectedJson));
        }
    }
}
