using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Client.Http;

/// <summary>Articles as NDJSON, one JSON object a line. Serialized up front, so the request has a length the service
/// can check against its limit before reading, and a retry sends the same bytes.</summary>
internal static class NdjsonContent
{
    public const string MediaType = "application/x-ndjson";

    public static ByteArrayContent Create(IEnumerable<Article> articles)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SearchClientJsonContext.Wire.Options.Encoder }))
        {
            foreach (var article in articles)
            {
                ArgumentNullException.ThrowIfNull(article, nameof(articles));
                JsonSerializer.Serialize(writer, article, SearchClientJsonContext.Wire.Article);
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset();
            }
        }

        var content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
        return content;
    }
}
