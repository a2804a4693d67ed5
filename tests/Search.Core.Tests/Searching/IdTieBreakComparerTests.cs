using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>The id tie-break orders hits exactly as Lucene's string sort does, across segments, in and out of document
/// order, and when paging after a hit.</summary>
public sealed class IdTieBreakComparerTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public IdTieBreakComparerTests()
    {
        // Six segments of articles whose texts repeat, so many hits tie on score and date, with ids in no order.
        var random = new Random(11);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergePolicy = NoMergePolicy.COMPOUND_FILES };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var segment = 0; segment < 6; segment++)
            {
                for (var i = 0; i < 25; i++)
                {
                    var id = $"id-{random.Next(100_000):D5}-{segment}-{i}";
                    writer.AddDocument(new Document
                    {
                        new StringField("id", id, Field.Store.YES),
                        new SortedDocValuesField("id", new BytesRef(id)),
                        new TextField("text", string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Words[random.Next(Words.Length)])), Field.Store.NO),
                        new NumericDocValuesField("date", random.Next(4)),
                    });
                }

                writer.Commit();
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    private static string[] Words { get; } = ["سوق", "نفط", "مطر", "سوق نفط"];

    public static TheoryData<string, bool, bool> Cases()
    {
        var cases = new TheoryData<string, bool, bool>();
        foreach (var query in new[] { "سوق", "نفط مطر", "*" })
        {
            foreach (var byDate in new[] { false, true })
            {
                foreach (var inOrder in new[] { false, true })
                {
                    cases.Add(query, byDate, inOrder);
                }
            }
        }

        return cases;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_page_and_every_page_after_a_hit_equals_lucenes_string_sort(string text, bool byDate, bool inOrder)
    {
        var searcher = new IndexSearcher(_reader);
        Query query = text == "*" ? new MatchAllDocsQuery() : Disjunction(text);
        var primary = byDate ? new SortField("date", SortFieldType.INT64, reverse: true) : SortField.FIELD_SCORE;
        var lucene = new Sort(primary, new SortField("id", SortFieldType.STRING));
        var ours = new Sort(primary, new SortField("id", new IdTieBreakSource()));

        foreach (var pageSize in new[] { 2, 7, 500 })
        {
            var expected = Walk(searcher, query, lucene, pageSize, inOrder);
            var actual = Walk(searcher, query, ours, pageSize, inOrder);

            Assert.True(expected.Count > 20, $"only {expected.Count} hits");
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Every hit, page by page, each page searched after the last hit of the one before.</summary>
    private static List<string> Walk(IndexSearcher searcher, Query query, Sort sort, int pageSize, bool inOrder)
    {
        var seen = new List<string>();
        FieldDoc? after = null;
        while (true)
        {
            var collector = TopFieldCollector.Create(sort, pageSize, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: inOrder);
            searcher.Search(query, collector);
            var page = collector.GetTopDocs().ScoreDocs;
            if (page.Length == 0)
            {
                return seen;
            }

            foreach (FieldDoc hit in page)
            {
                seen.Add($"{searcher.Doc(hit.Doc).Get("id")} {((BytesRef)hit.Fields[1]).Utf8ToString()}");
            }

            // As a cursor holds it: the values alone, no doc number.
            var last = (FieldDoc)page[^1];
            after = new FieldDoc(int.MaxValue, float.NaN, [last.Fields[0], BytesRef.DeepCopyOf((BytesRef)last.Fields[1])]);
        }
    }

    private static BooleanQuery Disjunction(string text)
    {
        var query = new BooleanQuery();
        foreach (var word in text.Split(' '))
        {
            query.Add(new TermQuery(new Term("text", word)), Occur.SHOULD);
        }

        return query;
    }
}
