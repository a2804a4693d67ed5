using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Search.Core.Documents;

namespace Search.Indexer.Push;

/// <summary>An article as one NDJSON line of a bulk request, in the shape <c>GET /api/articles/{id}</c> answers.</summary>
internal static class ArticleLines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Arabic as UTF-8 (2 bytes a letter) rather than \u escapes (6): a third of the bytes on the wire.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>UTF-8 JSON without a line break: string values escape theirs.</summary>
    public static byte[] Serialize(NewsArticle article) => JsonSerializer.SerializeToUtf8Bytes(article, Json);
}
