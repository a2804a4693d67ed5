using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>Term statistics read through one enumerator per segment agree with Lucene's own lookups.</summary>
public sealed class TermLookupTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public TermLookupTests()
    {
        var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact))
        {
            Similarity = new BM25Similarity(),
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            // Three commits, so three segments, each with its own share of the terms.
            string[][] batches =
            [
                ["افتتح الوزير المدرسة الجديدة", "زار الوزير المستشفى"],
                ["المدرسة تستقبل الطلاب", "المستشفى يوسع قسم الطوارئ", "الوزير يلتقي الطلاب"],
                ["الطلاب يعودون إلى المدرسة"],
            ];
            var id = 0;
            foreach (var batch in batches)
            {
                foreach (var title in batch)
                {
                    writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{id++}", title)));
                }

                writer.Commit();
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("وزير", 3)]
    [InlineData("مدرس", 3)]
    [InlineData("طلاب", 3)]
    [InlineData("=المدرسه", 3)] // the exact form, folded (ة → ه)
    [InlineData("غائب", 0)]
    public void Document_frequency_sums_every_segment(string term, int expected)
    {
        Assert.Equal(3, _reader.Leaves.Count);
        var lookup = new TermLookup(_reader);

        Assert.Equal(expected, lookup.DocFreq(NewsFields.Text, term));
        Assert.Equal(_reader.DocFreq(new Term(NewsFields.Text, term)), lookup.DocFreq(NewsFields.Text, term));
    }

    [Theory]
    [InlineData(NewsFields.Text, "وزير")]
    [InlineData(NewsFields.Title, "طلاب")]
    [InlineData(NewsFields.Text, "مستشف")]
    public void A_term_query_with_looked_up_states_scores_as_a_plain_one(string field, string term)
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var lookup = new TermLookup(_reader);

        var expected = searcher.Search(new TermQuery(new Term(field, term)), 10).ScoreDocs;
        var actual = searcher.Search(lookup.Query(field, term), 10).ScoreDocs;

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(hit => (hit.Doc, hit.Score)), actual.Select(hit => (hit.Doc, hit.Score)));
    }

    [Fact]
    public void Term_queries_sharing_one_enumerator_a_segment_score_and_explain_as_plain_ones()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var lookup = new TermLookup(_reader);
        string[] terms = ["وزير", "مدرس", "طلاب", "مستشف", "=المدرسه", "غائب"];
        var plain = new BooleanQuery();
        var looked = new BooleanQuery();
        foreach (var term in terms)
        {
            plain.Add(new TermQuery(new Term(NewsFields.Text, term)), Occur.SHOULD);
            looked.Add(lookup.Query(NewsFields.Text, term), Occur.SHOULD);
        }

        var expected = searcher.Search(plain, 10).ScoreDocs;
        var actual = searcher.Search(looked, 10).ScoreDocs;

        Assert.Equal(6, expected.Length);
        Assert.Equal(expected.Select(hit => (hit.Doc, hit.Score)), actual.Select(hit => (hit.Doc, hit.Score)));
        Assert.All(expected, hit => Assert.Equal(searcher.Explain(plain, hit.Doc).Value, searcher.Explain(looked, hit.Doc).Value));
    }

    [Fact]
    public void A_looked_up_term_query_run_on_another_reader_looks_its_term_up_there()
    {
        var lookup = new TermLookup(_reader);
        var query = lookup.Query(NewsFields.Text, "مستشف");
        using var other = new RAMDirectory();
        using (var writer = new IndexWriter(other, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact))))
        {
            writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article("x", "طبيب")));
            writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article("y", "المستشفى الجديد")));
        }

        using var otherReader = DirectoryReader.Open(other);
        var hits = new IndexSearcher(otherReader) { Similarity = new BM25Similarity() }.Search(query, 10).ScoreDocs;

        Assert.Equal([1], hits.Select(hit => hit.Doc));
    }
}
