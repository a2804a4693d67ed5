using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>
/// Words are given to the writer as exact forms alone and the codec writes their stems at each flush: the index must
/// hold exactly what indexing both tokens of every word into stock Lucene segments gives.
/// </summary>
public sealed class StemsFromExactFormsTests
{
    // Stems with many forms (كتاب الكتاب كتابه, مصر مصري المصرية), a stem only other forms give (وزير from والوزير),
    // numbers, whose stems sort before the exact forms, a word whose stem is a number (ال22), and Latin words.
    private static readonly string[] Words =
    [
        "كتاب", "الكتاب", "كتابه", "مصر", "مصري", "المصرية", "يزور", "والوزير", "وزير", "news", "News", "2024", "١٩٤٨",
        "فلسطين", "الفلسطينيين", "مدرستها", "مدرسه", "أ.ب", "قال", "غزة", "وغزة", "الحكومة", "حكومته", "حكومات", "x", "ال22", "22", "وال22",
    ];

    [Theory]
    [InlineData(PostingsPipeline.DefaultChunkBytes)] // each field's terms written on the flushing thread at its end
    [InlineData(8)] // handed on to a writing thread a few terms at a time
    public void Flushed_and_merged_segments_hold_the_terms_postings_norms_and_stored_fields_of_both_tokens_indexed(int postingsChunkBytes)
    {
        var (segments, termsWithPositions) = AssertIndexedAsBothTokens(Articles(), flushEvery: 7, postingsChunkBytes);

        Assert.True(segments > 10);
        Assert.True(termsWithPositions > 1_000);
    }

    [Fact]
    public void A_stem_is_left_to_the_codec_only_when_it_sorts_after_the_marker()
    {
        Assert.True(ExactFormRepeatFilter.IsStemLeftOut("كتاب"));
        Assert.True(ExactFormRepeatFilter.IsStemLeftOut("news"));
        Assert.False(ExactFormRepeatFilter.IsStemLeftOut("2024"));
        Assert.False(ExactFormRepeatFilter.IsStemLeftOut(""));
    }

    /// <summary>
    /// Writes <paramref name="articles"/> through our writer (its flushes handing postings on to their writing thread
    /// <paramref name="postingsChunkBytes"/> bytes at a time) and, with both tokens of every word, into stock segments,
    /// flushing every <paramref name="flushEvery"/>, and asserts the two indexes alike (terms, postings, norms and stored
    /// values) segment by segment and merged (a tenth of the articles deleted first).
    /// </summary>
    /// <returns>The number of flushed segments and of terms whose positions were compared.</returns>
    internal static (int Segments, int TermsWithPositions) AssertIndexedAsBothTokens(
        IReadOnlyList<NewsArticle> articles, int flushEvery, int postingsChunkBytes = PostingsPipeline.DefaultChunkBytes)
    {
        using var ours = new RAMDirectory();
        using var both = new RAMDirectory();
        var config = NewsWriterConfig.Create();
        config.Codec = new NewsCodec(postingsChunkBytes);
        Write(ours, config, articles, flushEvery);
        Write(both, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BothTokensAnalyzer()) { Codec = new Lucene46Codec() }, articles, flushEvery);

        int segments;
        var compared = 0;
        using (var oursReader = DirectoryReader.Open(ours))
        using (var bothReader = DirectoryReader.Open(both))
        {
            segments = oursReader.Leaves.Count;
            Assert.Equal(bothReader.Leaves.Count, segments);
            for (var leaf = 0; leaf < segments; leaf++)
            {
                compared += AssertSameIndex(bothReader.Leaves[leaf].AtomicReader, oursReader.Leaves[leaf].AtomicReader);
            }
        }

        // Every tenth article deleted first, so that the merge meets terms left with no document.
        var deleted = articles.Where((_, i) => i % 10 == 3).Select(article => article.Id).ToList();
        ForceMerge(ours, new NewsCodec(postingsChunkBytes), deleted);
        ForceMerge(both, new Lucene46Codec(), deleted);
        using var mergedOurs = DirectoryReader.Open(ours);
        using var mergedBoth = DirectoryReader.Open(both);
        Assert.Equal(mergedBoth.Leaves.Count, mergedOurs.Leaves.Count);
        if (mergedOurs.Leaves.Count == 1)
        {
            AssertSameIndex(mergedBoth.Leaves[0].AtomicReader, mergedOurs.Leaves[0].AtomicReader);
        }

        return (segments, compared);
    }

    private static List<NewsArticle> Articles()
    {
        var articles = JsonLinesArticleReader.ReadFile(TestCorpus.IndexData("articles.jsonl")).Select(result => result.Article).OfType<NewsArticle>().ToList();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
            articles.Add(TestCorpus.Article($"random-{i}", Text(random.Next(1, 6)), body: i % 5 == 0 ? null : Text(random.Next(1, 40))));
        }

        return articles;
    }

    private static void Write(Lucene.Net.Store.Directory directory, IndexWriterConfig config, IEnumerable<NewsArticle> articles, int flushEvery)
    {
        // A flush every few articles, whatever the memory, at the same articles in both indexes.
        config.Similarity = new BM25Similarity();
        config.MaxBufferedDocs = flushEvery;
        config.RAMBufferSizeMB = IndexWriterConfig.DISABLE_AUTO_FLUSH;
        config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        using var writer = new IndexWriter(directory, config);
        foreach (var article in articles)
        {
            writer.AddDocument(NewsDocumentMapper.ToDocument(article));
        }

        writer.Commit();
    }

    private static void ForceMerge(Lucene.Net.Store.Directory directory, Lucene.Net.Codecs.Codec codec, IEnumerable<string> deleted)
    {
        // Adjacent segments only, so both merged indexes keep the articles in one order.
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new BothTokensAnalyzer()) { Codec = codec, MergePolicy = new LogDocMergePolicy() };
        using var writer = new IndexWriter(directory, config);
        writer.DeleteDocuments([.. deleted.Select(id => new Term(NewsFields.Id, id))]);
        writer.ForceMerge(1);
        writer.Commit();
    }

    /// <returns>The number of terms whose positions were compared.</returns>
    private static int AssertSameIndex(AtomicReader expected, AtomicReader actual)
    {
        Assert.Equal(expected.MaxDoc, actual.MaxDoc);
        var fields = expected.Fields.ToList();
        Assert.Equal(fields, actual.Fields.ToList());
        var withStems = 0;
        foreach (var field in fields)
        {
            // A merge leaves a field listed with no terms when only deleted articles had any (its norms stay).
            var expectedTerms = expected.GetTerms(field);
            var actualTerms = actual.GetTerms(field);
            Assert.Equal(expectedTerms is null, actualTerms is null);
            if (expectedTerms is not null)
            {
                withStems += AssertSameTerms(expectedTerms, actualTerms!);
            }

            var expectedNorms = expected.GetNormValues(field);
            var actualNorms = actual.GetNormValues(field);
            Assert.Equal(expectedNorms is null, actualNorms is null);
            for (var doc = 0; expectedNorms is not null && doc < expected.MaxDoc; doc++)
            {
                Assert.Equal(expectedNorms.Get(doc), actualNorms!.Get(doc));
            }
        }

        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            Assert.Equal(StoredValues(expected.Document(doc)), StoredValues(actual.Document(doc)));
        }

        return withStems;
    }

    private static List<string> StoredValues(Document document) =>
        [.. document.Fields.Select(field => $"{field.Name} {field.NumericType} {field.GetStringValue()} {(field.GetBinaryValue() is { } bytes ? Convert.ToHexString(bytes.Bytes, bytes.Offset, bytes.Length) : null)}")];

    /// <returns>How many of the terms have positions.</returns>
    private static int AssertSameTerms(Terms expectedTerms, Terms actualTerms)
    {
        var withStems = 0;
        Assert.Equal(expectedTerms.Count, actualTerms.Count);
        Assert.Equal(expectedTerms.SumTotalTermFreq, actualTerms.SumTotalTermFreq);
        Assert.Equal(expectedTerms.SumDocFreq, actualTerms.SumDocFreq);
        Assert.Equal(expectedTerms.DocCount, actualTerms.DocCount);
        var expectedEnum = expectedTerms.GetEnumerator();
        var actualEnum = actualTerms.GetEnumerator();
        while (expectedEnum.MoveNext())
        {
            Assert.True(actualEnum.MoveNext());
            Assert.Equal(expectedEnum.Term.Utf8ToString(), actualEnum.Term.Utf8ToString());
            Assert.Equal(expectedEnum.DocFreq, actualEnum.DocFreq);
            Assert.Equal(expectedEnum.TotalTermFreq, actualEnum.TotalTermFreq);
            withStems += AssertSamePostings(expectedEnum, actualEnum);
        }

        Assert.False(actualEnum.MoveNext());
        return withStems;
    }

    /// <returns>1 when the term has positions (so the test compared some), else 0.</returns>
    private static int AssertSamePostings(TermsEnum expected, TermsEnum actual)
    {
        var expectedDocs = expected.DocsAndPositions(null, null);
        var actualDocs = actual.DocsAndPositions(null, null);
        if (expectedDocs is null)
        {
            Assert.Null(actualDocs);
            return 0;
        }

        while (expectedDocs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            Assert.Equal(expectedDocs.DocID, actualDocs!.NextDoc());
            Assert.Equal(expectedDocs.Freq, actualDocs.Freq);
            for (var i = 0; i < expectedDocs.Freq; i++)
            {
                Assert.Equal(expectedDocs.NextPosition(), actualDocs.NextPosition());
            }
        }

        Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, actualDocs!.NextDoc());
        return 1;
    }

    /// <summary>The indexing chain before own stems: every word's stem, then its exact form at the same position.</summary>
    private sealed class BothTokensAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        private readonly ArabicNewsAnalyzer _exact = new(ArabicAnalysisMode.Exact);

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => _exact;

        protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
            new(components.Tokenizer, new BothTokens(components.TokenStream));
    }

    private sealed class BothTokens : TokenFilter
    {
        private readonly ArabicNewsStemmer _stemmer = new();
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private string? _exact;

        public BothTokens(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_exact is not null)
            {
                _term.SetEmpty().Append(_exact);
                _increment.PositionIncrement = 0;
                _exact = null;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            var word = _term.ToString();
            _exact = ExactFormRepeatFilter.ExactTerm(word);
            var buffer = word.ToCharArray();
            _term.CopyBuffer(buffer, 0, _stemmer.Stem(buffer, buffer.Length));
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _exact = null;
        }
    }
}
