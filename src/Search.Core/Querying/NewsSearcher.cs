using System.Diagnostics;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>Runs a <see cref="SearchRequest"/> on an <see cref="IndexSearcher"/> it is lent for the call and turns the top
/// documents into highlighted <see cref="SearchHit"/>s. Thread-safe.</summary>
public sealed class NewsSearcher(NewsQueryBuilder queryBuilder, NewsHighlighter highlighter)
{
    private const int SnippetCount = 2;
    private const int SnippetLength = 180;

    /// <exception cref="InvalidSearchRequestException">The request breaks a limit.</exception>
    public SearchResults Search(IndexSearcher searcher, SearchRequest request)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidSearchRequestException(errors);
        }

        var clock = Stopwatch.StartNew();
        var compiled = queryBuilder.Build(UserQueryParser.Parse(request.Query));
        if (compiled.Query is null)
        {
            return new SearchResults(request.Query, 0, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, []);
        }

        var top = searcher.Search(compiled.Query, request.Page * request.PageSize);
        var hits = top.ScoreDocs
            .Skip((request.Page - 1) * request.PageSize)
            .Select(scoreDoc => ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, request.Highlight ? compiled.Highlight : null))
            .ToList();
        return new SearchResults(request.Query, top.TotalHits, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, hits);
    }

    private SearchHit ToHit(Document document, float score, HighlightTerms? terms)
    {
        var article = NewsDocumentMapper.ToArticle(document);
        var highlights = terms is null
            ? new HitHighlights(HtmlEscaper.Escape(article.Title), [])
            : new HitHighlights(highlighter.HighlightAll(article.Title, terms), Snippets(article, terms));
        return new SearchHit(
            article.Id,
            article.Title,
            article.Url,
            article.Source,
            article.Section,
            article.PublishedAt,
            score,
            highlights);
    }

    /// <summary>Passages of the body that match; else of the lead; else the opening, so a hit always shows some text.</summary>
    private IReadOnlyList<string> Snippets(NewsArticle article, HighlightTerms terms)
    {
        foreach (var text in new[] { article.Body, article.Lead })
        {
            if (!string.IsNullOrEmpty(text) && highlighter.Snippets(text, terms, SnippetCount, SnippetLength) is { Count: > 0 } snippets)
            {
                return snippets;
            }
        }

        var opening = article.Lead ?? article.Body;
        return string.IsNullOrEmpty(opening) ? [] : [NewsHighlighter.Opening(opening, SnippetLength)];
    }
}
