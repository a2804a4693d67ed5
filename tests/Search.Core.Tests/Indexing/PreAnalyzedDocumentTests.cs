using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Indexing;

public sealed class PreAnalyzedDocumentTests
{
    private static NewsArticle[] Articles()
    {
        var samples = new ArticleSources().Read([TestCorpus.IndexData()])
            .Select(result => result.Article)
            .OfType<NewsArticle>()
            .ToList();
        var longBody = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            longBody.Append("أعلنت الوزارة في بيانها رقم ").Append(i).Append(" عن خطة جديدة للتعليم، ");
        }

        return
        [
            .. samples,

            // Buffers grow past their first size, and again for a document after a short one.
            TestCorpus.Article("long", "مقال طويل جدا", longBody.ToString()),

            // Stop words at the end leave a final position increment; Latin, digits and marks fold.
            TestCorpus.Article("edges", "عنوان فيه", "قال الوزير إنّ ٢٠٢٤ كان عاماً صعباً Ministry OF Health في من على", "مقدمة قصيرة"),
            TestCorpus.Article("title-only", "عنوان وحده"),

            // Keywords, several of a field, and a date, whose trie terms are recorded too.
            TestCorpus.Article("tagged", "خبر موسوم", "نص", null, "اقتصاد", "وكالة", new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.FromHours(3)), "طاقة", "نفط", "Energy"),
            TestCorpus.Article("stops-only", "في من على"),
        ];
    }

    [Fact]
    public void An_index_of_pre_analyzed_documents_equals_one_the_writer_analyzed()
    {
        var articles = Articles();
        Assert.True(articles.Length > 10, "index-data/ should hold the sample articles");
        using var analyzedByWriter = IndexOf(articles, preAnalyze: false);
        using var preAnalyzed = IndexOf(articles, preAnalyze: true);

        using var expected = DirectoryReader.Open(analyzedByWriter);
        using var actual = DirectoryReader.Open(preAnalyzed);
        Assert.Equal(expected.MaxDoc, actual.MaxDoc);
        var expectedReader = SlowCompositeReaderWrapper.Wrap(expected);
        var actualReader = SlowCompositeReaderWrapper.Wrap(actual);

        var fields = expectedReader.Fields.ToList();
        Assert.Equal(fields, actualReader.Fields.ToList());
        var postingsCompared = 0;
        foreach (var field in fields)
        {
            postingsCompared += AssertSamePostings(field, expectedReader.GetTerms(field), actualReader.GetTerms(field));
            AssertSameNorms(field, expectedReader.GetNormValues(field), actualReader.GetNormValues(field), expected.MaxDoc);
        }

        Assert.True(postingsCompared > 10_000, $"only {postingsCompared} positions compared");
        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            var want = expected.Document(doc).Fields.Select(field => (field.Name, field.GetStringValue())).ToList();
            var got = actual.Document(doc).Fields.Select(field => (field.Name, field.GetStringValue())).ToList();
            Assert.Equal(want, got);
        }
    }

    [Theory]
    [InlineData("وزير التعليم")]
    [InlineData("\"مهرجان الإسكندرية\"")]
    [InlineData("الأردن ولبنان")]
    public void An_import_on_one_thread_analyzed_ahead_finds_what_one_on_three_threads_finds(string query)
    {
        using var temp = new TempDirectory();
        var articles = Articles().Select(article => IngestResult.Of(article)).ToList();
        using var oneThread = NewsIndex.Open(new NewsIndexOptions(temp.File("one")) { MaxRefreshDelay = null });
        using var threeThreads = NewsIndex.Open(new NewsIndexOptions(temp.File("three")) { MaxRefreshDelay = null });
        ArticleImporter.Import(oneThread, articles, threads: 1);
        ArticleImporter.Import(threeThreads, articles, threads: 3);
        oneThread.Refresh();
        threeThreads.Refresh();

        SameAnswers.Check(threeThreads, oneThread, query);
    }

    [Fact]
    public void Indexed_fields_are_replaced_by_recordings_and_stored_values_stay_stored()
    {
        var analyzer = new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact);
        var article = TestCorpus.Article("a-1", "عنوان الخبر", "نص الخبر", section: "سياسة", publishedAt: DateTimeOffset.UnixEpoch.AddDays(20_000), tags: ["طاقة", "نفط"]);
        var document = NewsDocumentMapper.ToDocument(article);
        var stored = Stored(document);
        var docValues = document.Fields.Count(field => field.IndexableFieldType.DocValueType != DocValuesType.NONE);

        new PreAnalyzedDocument(analyzer).Analyze(document);

        var indexed = document.Fields.Where(field => field.IndexableFieldType.IsIndexed).ToList();
        Assert.Equal(
            [NewsFields.Id, NewsFields.Title, NewsFields.Text, NewsFields.Text, NewsFields.Section, NewsFields.Tag, NewsFields.Tag, NewsFields.PublishedAt],
            indexed.Select(field => field.Name));
        Assert.All(indexed, field => Assert.IsType<RecordedTokenStream>(field.GetTokenStream(analyzer)));
        Assert.All(indexed, field => Assert.False(field.IndexableFieldType.IsStored));
        Assert.Equal(stored, Stored(document));
        Assert.Equal(docValues, document.Fields.Count(field => field.IndexableFieldType.DocValueType != DocValuesType.NONE));
        Assert.Equal("عنوان الخبر", NewsDocumentMapper.ToArticle(document).Title);
        Assert.Equal(["طاقة", "نفط"], NewsDocumentMapper.ToArticle(document).Tags);
    }

    private static List<(string Name, string? Value)> Stored(Document document) =>
        document.Fields.Where(field => field.IndexableFieldType.IsStored).Select(field => (field.Name, (string?)field.GetStringValue())).ToList();

    [Fact]
    public void A_released_document_that_grew_too_large_is_not_kept()
    {
        var analyzer = new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact);
        var analyzed = new PreAnalyzedDocument(analyzer);
        analyzed.Analyze(NewsDocumentMapper.ToDocument(TestCorpus.Article("small", "خبر قصير")));
        Assert.True(analyzed.Release());

        var huge = string.Join(' ', Enumerable.Range(0, 40_000).Select(i => "كلمة" + i));
        analyzed.Analyze(NewsDocumentMapper.ToDocument(TestCorpus.Article("huge", "خبر طويل", huge)));
        Assert.False(analyzed.Release());
    }

    private static RAMDirectory IndexOf(IEnumerable<NewsArticle> articles, bool preAnalyze)
    {
        var directory = new RAMDirectory();
        var analyzer = new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        var reused = new PreAnalyzedDocument(analyzer);
        foreach (var article in articles)
        {
            var document = NewsDocumentMapper.ToDocument(article);
            if (preAnalyze)
            {
                reused.Analyze(document);
            }

            writer.AddDocument(document);
            reused.Release();
        }

        writer.Commit();
        return directory;
    }

    private static int AssertSamePostings(string field, Terms? expected, Terms? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return 0;
        }

        Assert.NotNull(actual);
        var positions = 0;
        var expectedTerms = expected.GetEnumerator();
        var actualTerms = actual.GetEnumerator();
        while (expectedTerms.MoveNext())
        {
            Assert.True(actualTerms.MoveNext(), $"{field}: {expectedTerms.Term.Utf8ToString()} missing");
            Assert.Equal(expectedTerms.Term, actualTerms.Term);
            var want = expectedTerms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            var got = actualTerms.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
            if (want is null)
            {
                // Indexed without positions (keywords, numbers): the documents alone.
                Assert.Null(got);
                var wantDocs = expectedTerms.Docs(null, null, DocsFlags.NONE);
                var gotDocs = actualTerms.Docs(null, null, DocsFlags.NONE);
                while (wantDocs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(wantDocs.DocID, gotDocs.NextDoc());
                    positions++;
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, gotDocs.NextDoc());
                continue;
            }

            Assert.NotNull(got);
            while (want.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                Assert.Equal(want.DocID, got.NextDoc());
                Assert.Equal(want.Freq, got.Freq);
                for (var i = 0; i < want.Freq; i++)
                {
                    Assert.Equal(want.NextPosition(), got.NextPosition());
                    Assert.Equal((want.StartOffset, want.EndOffset), (got.StartOffset, got.EndOffset));
                    positions++;
                }
            }

            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, got.NextDoc());
        }

        Assert.False(actualTerms.MoveNext(), $"{field}: extra term {actualTerms.Term?.Utf8ToString()}");
        return positions;
    }

    private static void AssertSameNorms(string field, NumericDocValues? expected, NumericDocValues? actual, int maxDoc)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            Assert.True(expected.Get(doc) == actual.Get(doc), $"{field}: norm of document {doc}");
        }
    }
}
