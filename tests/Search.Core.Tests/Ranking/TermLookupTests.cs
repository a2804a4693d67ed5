using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Segments;

namespace Search.Core.Tests.Ranking;

/// <summary>Term statistics read through one enumerator per segment agree with Lucene's own lookups.</summary>
public sealed class TermLookupTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public TermLookupTests()
    {
        var config = NewsWriterConfig.Create();
        config.Similarity = new BM25Similarity();
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
    public void Postings_given_back_after_a_search_serve_the_next_one_which_scores_as_plain_queries()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var pool = new PostingsPool();
        (string Term, string Next)[] pairs = [("وزير", "مدرس"), ("طلاب", "مستشف"), ("مدرس", "طلاب")];

        // Each round looks up other terms than the last, so the lent enumerators are reset to terms they did not hold.
        for (var round = 0; round < pairs.Length; round++)
        {
            var lookup = new TermLookup(_reader, pool);
            var plain = new BooleanQuery();
            var looked = new BooleanQuery();
            foreach (var (term, next) in pairs.Skip(round).Concat(pairs.Take(round)).Take(2))
            {
                plain.Add(new TermQuery(new Term(NewsFields.Text, term)), Occur.SHOULD);
                plain.Add(new ProximityPairQuery(new Term(NewsFields.Text, term), new Term(NewsFields.Text, next), 3), Occur.SHOULD);
                looked.Add(lookup.Query(NewsFields.Text, term), Occur.SHOULD);
                looked.Add(new ProximityPairQuery(new Term(NewsFields.Text, term), new Term(NewsFields.Text, next), 3, lookup), Occur.SHOULD);
            }

            var expected = searcher.Search(plain, 10).ScoreDocs;
            var actual = searcher.Search(looked, 10).ScoreDocs;
            lookup.GiveBack();

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(hit => (hit.Doc, hit.Score)), actual.Select(hit => (hit.Doc, hit.Score)));
        }

        // Two rounds after the first, each reusing what the round before gave back: term and pair postings, per segment.
        Assert.True(pool.Lent >= 2 * 2 * 3, $"lent {pool.Lent}");
    }

    [Fact]
    public void A_pool_lends_an_enumerator_only_for_its_own_segment_and_kind_and_keeps_a_bounded_number()
    {
        var pool = new PostingsPool();
        var first = _reader.Leaves[0];
        var second = _reader.Leaves[1];
        var terms = first.AtomicReader.GetTerms(NewsFields.Text).GetEnumerator();
        Assert.True(terms.SeekExact(new Lucene.Net.Util.BytesRef("وزير")));
        var docs = terms.Docs(null, null, DocsFlags.FREQS);
        var positions = terms.DocsAndPositions(null, null);

        pool.GiveBack(first.AtomicReader, docs);
        pool.GiveBack(first.AtomicReader, positions);

        Assert.Null(pool.RentDocs(second.AtomicReader));
        Assert.Same(positions, pool.RentPositions(first.AtomicReader));
        Assert.Same(docs, pool.RentDocs(first.AtomicReader));
        Assert.Null(pool.RentDocs(first.AtomicReader));

        for (var i = 0; i < PostingsPool.Capacity + 10; i++)
        {
            pool.GiveBack(first.AtomicReader, terms.Docs(null, null, DocsFlags.FREQS));
        }

        var kept = 0;
        while (pool.RentDocs(first.AtomicReader) is not null)
        {
            kept++;
        }

        Assert.Equal(PostingsPool.Capacity, kept);
    }

    [Fact]
    public void A_looked_up_term_query_run_on_another_reader_looks_its_term_up_there()
    {
        var lookup = new TermLookup(_reader);
        var query = lookup.Query(NewsFields.Text, "مستشف");
        using var other = new RAMDirectory();
        using (var writer = new IndexWriter(other, NewsWriterConfig.Create()))
        {
            writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article("x", "طبيب")));
            writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article("y", "المستشفى الجديد")));
        }

        using var otherReader = DirectoryReader.Open(other);
        var hits = new IndexSearcher(otherReader) { Similarity = new BM25Similarity() }.Search(query, 10).ScoreDocs;

        Assert.Equal([1], hits.Select(hit => hit.Doc));
    }
}
