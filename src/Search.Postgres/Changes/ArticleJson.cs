using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Documents;

namespace Search.Postgres.Changes;

/// <summary>An article as the <c>articles.doc</c> column holds it: JSON with camel-case names, nulls left out and
/// Arabic written as itself rather than escaped (a third of the bytes).</summary>
internal static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(NewsArticle article) => JsonSerializer.Serialize(article, Options);

    /// <exception cref="InvalidDataException">The row does not hold an article.</exception>
    public static NewsArticle Read(string json, string id)
    {
        try
        {
            return JsonSerializer.Deserialize<NewsArticle>(json, Options)
                ?? throw new InvalidDataException($"The articles row '{id}' holds null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The articles row '{id}' does not hold an article: {ex.Message}", ex);
        }
    }
}
