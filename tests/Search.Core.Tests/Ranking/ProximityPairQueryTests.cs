using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>
/// The proximity pair is Lucene's sloppy two-term phrase, scored faster: over documents of a few words repeated in every
/// order and at every distance, it must find the same documents as <see cref="PhraseQuery"/> with the same slop, with
/// the same scores, across segments and deletions.
/// </summary>
public sealed class ProximityPairQueryTests : IDisposable
{
    private const int Documents = 3_000;
    private static readonly string[] Words = ["a", "b", "c", "d", "e"];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public ProximityPairQueryTests()
    {
        var random = new Random(11);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            MaxBufferedDocs = 1_000,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < Documents; i++)
            {
                var words = Enumerable.Range(0, random.Next(1, 30)).Select(_ => Words[random.Next(Words.Length)]);
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("text", string.Join(' ', words), Field.Store.NO),
                });
            }

            writer.DeleteDocuments(new Term("id", "5"), new Term("id", "1500"));
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    [Theory]
    [InlineData("a", "b", 0)]
    [InlineData("a", "b", 1)]
    [InlineData("a", "b", 3)]
    [InlineData("b", "a", 3)]
    [InlineData("c", "e", 2)]
    [InlineData("d", "a", 6)]
    public void Scores_as_Lucene_scores_the_sloppy_phrase(string first, string second, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = 0.3f };
        phrase.Add(new Term("text", first));
        phrase.Add(new Term("text", second));
        var pair = new ProximityPairQuery(new Term("text", first), new Term("text", second), slop) { Boost = 0.3f };

        var expected = Search(phrase);
        var actual = Search(pair);

        Assert.InRange(expected.Length, 100, Documents);
        Assert.Equal(expected.Select(hit => hit.Doc), actual.Select(hit => hit.Doc));
        Assert.Equal(expected.Select(hit => hit.Score), actual.Select(hit => hit.Score));
    }

    [Fact]
    public void A_build_s_term_lookup_gives_the_same_hits_and_that_of_another_reader_is_not_used()
    {
        var lookup = new TermLookup(_reader);
        var expected = Search(new ProximityPairQuery(new Term("text", "c"), new Term("text", "e"), 2));

        var reused = Search(new ProximityPairQuery(new Term("text", "c"), new Term("text", "e"), 2, lookup));

        // States of a one-document index, where neither word's states would find anything here.
        using var other = new RAMDirectory();
        using (var writer = new IndexWriter(other, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.AddDocument(new Document { new TextField("text", "x c e", Field.Store.NO) });
        }

        using var otherReader = DirectoryReader.Open(other);
        var otherLookup = new TermLookup(otherReader);
        var foreign = Search(new ProximityPairQuery(new Term("text", "c"), new Term("text", "e"), 2, otherLookup));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(hit => (hit.Doc, hit.Score)), reused.Select(hit => (hit.Doc, hit.Score)));
        Assert.Equal(expected.Select(hit => (hit.Doc, hit.Score)), foreign.Select(hit => (hit.Doc, hit.Score)));
    }

    /// <summary>Asked about chosen documents only (as the windowed scorer asks about those that could reach the hits), the
    /// pair gives each the score its walk over every match gives, 0 where it does not match, and never more than its
    /// ceiling.</summary>
    [Theory]
    [InlineData("a", "b", 1, 1)]
    [InlineData("d", "a", 6, 3)]
    [InlineData("c", "e", 0, 7)]
    public void Scores_chosen_documents_as_its_walk_scores_them_within_its_ceiling(string first, string second, int slop, int step)
    {
        var pair = new ProximityPairQuery(new Term("text", first), new Term("text", second), slop) { Boost = 2.5f };
        var weight = _searcher.CreateNormalizedWeight(pair);
        var checkedMatches = 0;
        foreach (var leaf in _reader.Leaves)
        {
            var walked = new Dictionary<int, float>();
            var walk = (ProximityPairScorer)weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)!;
            for (var doc = walk.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = walk.NextDoc())
            {
                walked[doc] = walk.GetScore();
            }

            var asked = (ProximityPairScorer)weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)!;
            for (var doc = step - 1; doc < leaf.AtomicReader.MaxDoc; doc += step)
            {
                var score = asked.ScoreAt(doc);
                Assert.Equal(walked.GetValueOrDefault(doc), score);
                Assert.True(score < asked.Ceiling, $"{score} in {doc} reaches the ceiling {asked.Ceiling}");
                checkedMatches += score > 0 ? 1 : 0;
            }
        }

        Assert.InRange(checkedMatches, 20, Documents);
    }

    [Fact]
    public void A_similarity_without_a_ceiling_gives_none()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new DefaultSimilarity() };
        var weight = searcher.CreateNormalizedWeight(new ProximityPairQuery(new Term("text", "a"), new Term("text", "b"), 2));

        var scorer = (ProximityPairScorer)weight.GetScorer(_reader.Leaves[0], null)!;

        Assert.Equal(float.PositiveInfinity, scorer.Ceiling);
    }

    [Fact]
    public void A_term_missing_from_the_index_matches_nothing()
    {
        Assert.Empty(Search(new ProximityPairQuery(new Term("text", "a"), new Term("text", "absent"), 3)));
    }

    [Fact]
    public void A_repeated_word_is_refused_for_the_general_phrase_query()
    {
        Assert.Throws<ArgumentException>(() => new ProximityPairQuery(new Term("text", "a"), new Term("text", "a"), 3));
    }

    [Fact]
    public void Explains_the_score_it_gives()
    {
        var pair = new ProximityPairQuery(new Term("text", "a"), new Term("text", "b"), 2);
        var hit = Search(pair)[0];

        Assert.Equal(hit.Score, _searcher.Explain(pair, hit.Doc).Value, 4);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private ScoreDoc[] Search(Query query)
    {
        var collector = TopScoreDocCollector.Create(Documents, docsScoredInOrder: true);
        _searcher.Search(query, collector);
        return collector.GetTopDocs().ScoreDocs;
    }
}
