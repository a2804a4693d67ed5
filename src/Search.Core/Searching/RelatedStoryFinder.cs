using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Highlighting;
using Search.Core.Navigation;
using Search.Core.Querying;

namespace Search.Core.Searching;

/// <summary>
/// Stories related to an article: MoreLikeThis over its title and body with the service's own analysis, leaving out
/// the article, its copies from other outlets, and copies among the results themselves. Thread-safe: a MoreLikeThis is
/// made per call.
/// </summary>
public sealed class RelatedStoryFinder
{
    public const int MaxCount = 50;
    private readonly Analyzer _stemmedAnalyzer;
    private readonly SegmentValueCache _segmentValues;
    private const int SnippetLength = 180;

    internal RelatedStoryFinder(Analyzer stemmedAnalyzer, SegmentValueCache segmentValues)
    {
        _stemmedAnalyzer = stemmedAnalyzer;
        _segmentValues = segmentValues;
    }

    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> Find(IndexSearcher searcher, string id, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var idTerm = new Term(NewsFields.Id, id);
        var found = searcher.Search(new TermQuery(idTerm), 1);
        if (found.TotalHits == 0)
        {
            throw new ArticleNotFoundException(id);
        }

        var docId = found.ScoreDocs[0].Doc;
        var article = NewsDocumentMapper.ToArticle(searcher.Doc(docId));
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = _stemmedAnalyzer,
            FieldNames = [NewsFields.Text],

            // News articles are short: a word said once is already a signal, but one in a single document is noise.
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 30,
            MinWordLen = 2,
        };
        var query = new BooleanQuery
        {
            // The combined text field is not stored, so MoreLikeThis reads the article's own title and body.
            { moreLikeThis.Like(new StringReader(article.Title + "\n" + article.Body), NewsFields.Text), Occur.MUST },
            { new TermQuery(idTerm), Occur.MUST_NOT },
        };

        var collector = TopScoreDocCollector.Create((count * 3) + 10, docsScoredInOrder: true);
        searcher.Search(query, collector);
        var candidates = collector.GetTopDocs().ScoreDocs;
        var groups = DuplicateCollapser.Collapse(searcher.IndexReader, _segmentValues, [found.ScoreDocs[0], .. candidates]);

        // The first group holds the article itself and its copies: none of them is a related story.
        return [.. groups.Skip(1).Take(count).Select(group => ToHit(searcher, group.Copies))];
    }

    private static SearchHit ToHit(IndexSearcher searcher, List<ScoreDoc> group)
    {
        var article = NewsDocumentMapper.ToArticle(searcher.Doc(group[0].Doc));
        var opening = article.Lead ?? article.Body;
        var highlights = new HitHighlights(
            HtmlEscaper.Escape(article.Title),
            string.IsNullOrEmpty(opening) ? [] : [NewsHighlighter.Opening(opening, SnippetLength)]);
        return StoryHits.Create(searcher, article, group, highlights);
    }
}
