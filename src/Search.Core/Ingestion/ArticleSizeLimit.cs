using System.Text;
using Search.Core.Documents;

namespace Search.Core.Ingestion;

/// <summary>
/// The largest article the service takes from clients and feeds: the write API answers 413 to a larger body and a bulk
/// line, and the feeds skip a larger item. Oversized input is refused, never cut, so what is stored is what was sent.
/// Files the operator hands the indexer CLI or the drop folder are the operator's own and are not held to it.
/// </summary>
public static class ArticleSizeLimit
{
    /// <summary>The default of <c>Search:Writes:MaxArticleBytes</c>, which the feeds share.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The article's text in UTF-8: what a write API body holds, less its JSON punctuation, so an article
    /// the API takes always passes here too.</summary>
    public static long Utf8Bytes(NewsArticle article)
    {
        long bytes = 0;
        foreach (var field in (ReadOnlySpan<string?>)[article.Id, article.Title, article.Lead, article.Body, article.Url, article.Source, article.Section, article.Author])
        {
            bytes += field is null ? 0 : Encoding.UTF8.GetByteCount(field);
        }

        foreach (var tag in article.Tags)
        {
            bytes += Encoding.UTF8.GetByteCount(tag);
        }

        return bytes;
    }

    public static bool Fits(NewsArticle article, long maxBytes) => Utf8Bytes(article) <= maxBytes;
}
