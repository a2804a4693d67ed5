using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Ingestion;

namespace Search.LoadTest.Workload;

/// <summary>
/// The articles a write benchmark sends, read and turned into the API's JSON (the shape <c>GET /api/articles/{id}</c>
/// returns) before any clock starts, so the client's own parsing is not part of what is measured.
/// </summary>
public sealed class WriteCorpus
{
    // Arabic as UTF-8, as clients send it, rather than \uXXXX escapes that triple the bytes to send and parse.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private WriteCorpus(IReadOnlyList<(string Id, byte[] Json)> articles, long textBytes)
    {
        Articles = articles;
        TextBytes = textBytes;
    }

    /// <summary>Each article's id and UTF-8 JSON, in input order.</summary>
    public IReadOnlyList<(string Id, byte[] Json)> Articles { get; }

    /// <summary>UTF-8 bytes of title, lead and body over all articles.</summary>
    public long TextBytes { get; }

    public long JsonBytes => Articles.Sum(article => (long)article.Json.Length);

    /// <summary>Reads every valid article of the inputs (as the indexer does); records it would skip are skipped.</summary>
    public static WriteCorpus Read(IEnumerable<string> inputs)
    {
        var articles = new List<(string, byte[])>();
        long text = 0;
        foreach (var record in new ArticleSources().Read(inputs))
        {
            if (record.Article is { } article)
            {
                articles.Add((article.Id, JsonSerializer.SerializeToUtf8Bytes(article, Json)));
                text += Utf8(article.Title) + Utf8(article.Lead) + Utf8(article.Body);
            }
        }

        return new WriteCorpus(articles, text);
    }

    private static long Utf8(string? text) => text is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(text);
}
