using System.Text;
using Search.Core.Ingestion;
using SmartReader;

namespace Search.Core.Feeds;

/// <summary>
/// Reads an article's page and extracts its main text with SmartReader, a port of Mozilla's Readability (the reader
/// view of Firefox), for feed items that carry only a summary. Only http and https pages are read, with a deadline
/// and a size cap.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ArticlePageExtractor
{
    private readonly HttpClient _http;
    private readonly FeedPollerOptions _options;

    public ArticlePageExtractor(HttpClient http, FeedPollerOptions? options = null)
    {
        _http = http;
        _options = options ?? new FeedPollerOptions();
    }

    /// <summary>True for an absolute http or https address, the only pages read.</summary>
    public static bool CanRead(Uri page) => page.IsAbsoluteUri && (page.Scheme == Uri.UriSchemeHttp || page.Scheme == Uri.UriSchemeHttps);

    /// <returns>The main text, paragraphs separated by <c>\n</c>; null when the page is not HTML or holds no
    /// readable article.</returns>
    /// <exception cref="ArgumentException"><paramref name="page"/> is not an http or https address.</exception>
    /// <exception cref="HttpRequestException">The page could not be read: DNS, connection, a status other than 2xx.</exception>
    /// <exception cref="TimeoutException">It did not answer within <see cref="FeedPollerOptions.PageTimeout"/>.</exception>
    /// <exception cref="InvalidDataException">It is larger than <see cref="FeedPollerOptions.MaxPageBytes"/>, or nests its
    /// elements deeper than <see cref="HtmlParsing.MaxDepth"/>.</exception>
    public async Task<string?> ExtractAsync(Uri page, CancellationToken cancellationToken)
    {
        if (!CanRead(page))
        {
            throw new ArgumentException($"Only http and https pages are read, not {page}.", nameof(page));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml;q=0.9");
        var answer = await BoundedGet.SendAsync(_http, request, _options.PageTimeout, _options.MaxPageBytes, cancellationToken).ConfigureAwait(false);
        if (!((int)answer.Status is >= 200 and < 300))
        {
            throw new HttpRequestException($"The page {page} answered {(int)answer.Status}.", null, answer.Status);
        }

        return answer.ContentType?.MediaType is null or "text/html" or "application/xhtml+xml"
            ? MainText(page, answer.Body, answer.ContentType?.CharSet)
            : null;
    }

    /// <summary>The main text of a page already read.</summary>
    /// <param name="charset">The encoding the server named; without one, the page's BOM or meta tag tells.</param>
    /// <exception cref="InvalidDataException">The page nests its elements deeper than <see cref="HtmlParsing.MaxDepth"/>.</exception>
    public static string? MainText(Uri page, byte[] html, string? charset = null)
    {
        // Arabic sites still serve windows-1256, named by the server or in the page's meta tag.
        CodePages.Register();
        using var document = HtmlParsing.Parse(html, EncodingNamed(charset));
        using var reader = new Reader(page.AbsoluteUri, document);
        var article = reader.GetArticle();
        if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
        {
            return null;
        }

        var text = HtmlText.ToParagraphs(article.Content);
        return text.Length > 0 ? text : null;
    }

    private static Encoding? EncodingNamed(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
