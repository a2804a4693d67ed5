using System.Net.Http.Headers;

namespace Search.Core.Feeds;

/// <summary>GETs from servers we do not control: one deadline for the whole exchange, and the body read up to a size
/// cap (a declared length over it fails before reading), so a slow or huge answer cannot stall a feed or fill memory.</summary>
internal static class BoundedGet
{
    /// <returns>The answer; its body is read only for a 2xx status.</returns>
    /// <exception cref="HttpRequestException">No answer: DNS, connection refused or reset.</exception>
    /// <exception cref="TimeoutException">No whole answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidDataException">The body is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<FetchedDocument> SendAsync(
        HttpClient http,
        HttpRequestMessage request,
        TimeSpan timeout,
        long maxBytes,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var body = response.IsSuccessStatusCode ? await ReadAsync(response.Content, maxBytes, deadline.Token).ConfigureAwait(false) : [];
            return new FetchedDocument(
                response.StatusCode,
                body,
                response.Content.Headers.ContentType,
                Header(response.Headers, "ETag"),
                Header(response.Content.Headers, "Last-Modified"),
                response.Headers.Location is { } location ? new Uri(response.RequestMessage?.RequestUri ?? request.RequestUri!, location) : null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.RequestUri} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                body.Write(chunk, 0, read);
            }

            return body.ToArray();
        }
    }

    private static InvalidDataException TooLarge(long maxBytes) => new($"The answer is larger than {maxBytes:N0} bytes.");

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
