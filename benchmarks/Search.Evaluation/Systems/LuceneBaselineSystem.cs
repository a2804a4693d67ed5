using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Evaluation.Collections;

namespace Search.Evaluation.Systems;

/// <summary>
/// Plain Lucene as anyone would set it up: one analyzer for a title and a body field, BM25 (k1 = 1.2, b = 0.75) on the
/// writer and the searcher, and a query that ORs every analyzed query word over both fields with no boosts. The query
/// is built from terms rather than parsed, since the classic QueryParser throws on the syntax characters questions hold.
/// </summary>
public sealed class LuceneBaselineSystem(Analyzer analyzer) : IRankingSystem
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string BodyField = "body";
    private const int ProgressEvery = 1000;

    private readonly RAMDirectory _directory = new();
    private readonly BM25Similarity _similarity = new(1.2f, 0.75f);
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public void Index(IReadOnlyList<EvaluationDocument> documents, IProgress<int> progress)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = _similarity,
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                writer.AddDocument(new Document
                {
                    new StringField(IdField, document.Id, Field.Store.YES),
                    new TextField(TitleField, document.Title, Field.Store.NO),
                    new TextField(BodyField, document.Body, Field.Store.NO),
                });
                if ((i + 1) % ProgressEvery == 0)
                {
                    progress.Report(i + 1);
                }
            }

            writer.Commit();
        }

        progress.Report(documents.Count);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = _similarity };
    }

    public IReadOnlyList<RankedDocument> Search(string query, int depth)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Index the collection before searching it.");
        var words = new BooleanQuery();
        foreach (var field in new[] { TitleField, BodyField })
        {
            foreach (var token in TextAnalysis.Tokens(analyzer, field, query))
            {
                words.Add(new TermQuery(new Term(field, token.Term)), Occur.SHOULD);
            }
        }

        if (words.Clauses.Count == 0)
        {
            return [];
        }

        var top = searcher.Search(words, depth);
        return [.. top.ScoreDocs.Select(hit => new RankedDocument(searcher.Doc(hit.Doc).Get(IdField), hit.Score))];
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        analyzer.Dispose();
    }
}
