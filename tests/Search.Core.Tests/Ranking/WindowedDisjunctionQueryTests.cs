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
/// The windowed scorer is a faster way to the same answer: every query here is run as a plain Boolean query through
/// Lucene's bucket scorer (with Lucene's disjunction-max queries) and as a <see cref="WindowedDisjunctionQuery"/> (with
/// <see cref="BestOfQuery"/>), and both must find the same documents with the same scores, over several segments,
/// deleted documents and many 2,048-document windows.
/// </summary>
public sealed class WindowedDisjunctionQueryTests : IDisposable
{
    private const int Documents = 9_000;
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public WindowedDisjunctionQueryTests()
    {
        var random = new Random(7);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            MaxBufferedDocs = 2_500,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < Documents; i++)
            {
                // Rare words (eta, theta) leave whole windows empty; common ones fill every window.
                var words = Enumerable.Range(0, random.Next(1, 12))
                    .Select(_ => Words[Math.Min(random.Next(Words.Length), random.Next(Words.Length))])
                    .Where((word, _) => word is not ("eta" or "theta") || random.Next(40) == 0);
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("text", string.Join(' ', words), Field.Store.NO),
                });
            }

            writer.DeleteDocuments(new Term("id", "17"), new Term("id", "4096"), new Term("id", "8191"));
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    [Theory]
    [InlineData("alpha beta", "")]
    [InlineData("alpha beta gamma delta epsilon zeta", "")]
    [InlineData("eta theta", "")]
    [InlineData("theta", "")]
    [InlineData("alpha eta gamma", "beta")]
    [InlineData("alpha beta gamma", "delta zeta")]
    [InlineData("absent alpha", "")]
    [InlineData("absent", "")]
    public void Finds_what_the_bucket_scorer_finds_with_the_same_scores(string optional, string prohibited)
    {
        FindsWhatTheBucketScorerFinds(optional, prohibited, lookup: null);
    }

    /// <summary>Term clauses from a <see cref="TermLookup"/>, as the query builder makes them (postings opened through
    /// the lookup, proximity pairs reusing its states), give the same answers.</summary>
    [Theory]
    [InlineData("alpha beta", "")]
    [InlineData("alpha beta gamma delta epsilon zeta", "")]
    [InlineData("eta theta", "")]
    [InlineData("alpha eta gamma", "beta")]
    [InlineData("absent alpha", "")]
    public void Term_clauses_walking_their_windows_themselves_find_the_same(string optional, string prohibited)
    {
        FindsWhatTheBucketScorerFinds(optional, prohibited, new TermLookup(_reader));
    }

    private void FindsWhatTheBucketScorerFinds(string optional, string prohibited, TermLookup? lookup)
    {
        TermQuery Term(BooleanQuery query, string word) =>
            query is WindowedDisjunctionQuery && lookup is not null ? lookup.Query("text", word) : new TermQuery(new Term("text", word));

        var plain = new BooleanQuery();
        var windowed = new WindowedDisjunctionQuery();
        foreach (var query in new[] { plain, windowed })
        {
            foreach (var word in optional.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var term = Term(query, word);
                term.Boost = word.Length / 4f;
                query.Add(term, Occur.SHOULD);
            }

            // Proximity pairs, as questions have: one with a word of a term clause (when alpha is one), one with a word of a
            // best-of clause (delta).
            query.Add(new ProximityPairQuery(new Term("text", "alpha"), new Term("text", "gamma"), 2, query is WindowedDisjunctionQuery ? lookup : null), Occur.SHOULD);
            query.Add(new ProximityPairQuery(new Term("text", "beta"), new Term("text", "delta"), 3, query is WindowedDisjunctionQuery ? lookup : null) { Boost = 1.5f }, Occur.SHOULD);
            // A nested disjunction and a max of two words, as the query builder's clauses are.
            query.Add(new BooleanQuery { { new TermQuery(new Term("text", "gamma")), Occur.SHOULD }, { new TermQuery(new Term("text", "eta")), Occur.SHOULD } }, Occur.SHOULD);
            // The best of a word's forms (a best-of query in the windowed one, whose maximum it takes itself), and the best
            // of two nested disjunctions, as for a word's corrections.
            DisjunctionMaxQuery forms = query == windowed ? new BestOfQuery { Boost = 0.5f } : new DisjunctionMaxQuery(0f) { Boost = 0.5f };
            forms.Add(Term(query, "delta"));
            forms.Add(Term(query, "theta"));
            forms.Add(Term(query, "absent"));
            query.Add(forms, Occur.SHOULD);
            DisjunctionMaxQuery corrections = query == windowed ? new BestOfQuery() : new DisjunctionMaxQuery(0f);
            corrections.Add(new BooleanQuery { { new TermQuery(new Term("text", "zeta")), Occur.SHOULD }, { new TermQuery(new Term("text", "eta")), Occur.SHOULD } });
            corrections.Add(new BooleanQuery { { new TermQuery(new Term("text", "epsilon")), Occur.SHOULD } });
            query.Add(corrections, Occur.SHOULD);
            foreach (var word in prohibited.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                query.Add(new TermQuery(new Term("text", word)), Occur.MUST_NOT);
            }
        }

        var expected = Search(plain);
        var actual = Search(windowed);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(hit => hit.Doc), actual.Select(hit => hit.Doc));
        Assert.Equal(expected.Select(hit => hit.Score), actual.Select(hit => hit.Score));
    }

    /// <summary>
    /// Handed a collector of the best scores, the scorer skips the proximity bonus of documents that could not reach
    /// them even with it: the best hits, their scores and the count of matches stay those of Lucene's bucket scorer, over
    /// random questions whose pairs weigh much or little.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Skips_only_bonuses_that_cannot_reach_the_best_hits(int seed)
    {
        var random = new Random(seed);
        var skipped = 0;
        for (var round = 0; round < 40; round++)
        {
            var words = Words.OrderBy(_ => random.Next()).Take(random.Next(2, 7)).ToArray();
            var hits = random.Next(1, 30);
            var plain = new BooleanQuery();
            var windowed = new WindowedDisjunctionQuery();
            foreach (var query in new[] { plain, windowed })
            {
                var boosts = new Random(round);
                foreach (var word in words[1..])
                {
                    query.Add(new TermQuery(new Term("text", word)) { Boost = 0.2f + (float)boosts.NextDouble() }, Occur.SHOULD);
                }

                // The first word's forms, the best of which counts.
                DisjunctionMaxQuery forms = query == windowed ? new BestOfQuery() : new DisjunctionMaxQuery(0f);
                forms.Add(new TermQuery(new Term("text", words[0])));
                forms.Add(new TermQuery(new Term("text", "theta")));
                query.Add(forms, Occur.SHOULD);
                var pairBoost = (float)(boosts.NextDouble() * 4);
                for (var i = 0; i + 1 < words.Length; i++)
                {
                    query.Add(new ProximityPairQuery(new Term("text", words[i]), new Term("text", words[i + 1]), 1 + boosts.Next(4)) { Boost = pairBoost }, Occur.SHOULD);
                }
            }

            var expected = TopScoreDocCollector.Create(hits, docsScoredInOrder: false);
            _searcher.Search(plain, expected);
            var actual = TopScoreDocCollector.Create(hits, docsScoredInOrder: false);
            skipped += WindowedScoring.ScoreEachSegment(_searcher, windowed, new CompetitiveScoreCollector(actual, hits));

            var (best, found) = (expected.GetTopDocs(), actual.GetTopDocs());
            Assert.Equal(best.TotalHits, found.TotalHits);
            Assert.Equal(best.ScoreDocs.Select(hit => (hit.Doc, hit.Score)), found.ScoreDocs.Select(hit => (hit.Doc, hit.Score)));
        }

        Assert.InRange(skipped, Documents, int.MaxValue);
    }

    [Fact]
    public void Counts_every_match_and_leaves_out_deleted_and_excluded_documents()
    {
        var plain = new BooleanQuery { { new TermQuery(new Term("text", "alpha")), Occur.SHOULD }, { new TermQuery(new Term("text", "eta")), Occur.SHOULD }, { new TermQuery(new Term("text", "beta")), Occur.MUST_NOT } };
        var windowed = new WindowedDisjunctionQuery { plain.Clauses[0], plain.Clauses[1], plain.Clauses[2] };

        var expected = _searcher.Search(plain, Documents);
        var actual = _searcher.Search(windowed, Documents);

        Assert.InRange(expected.TotalHits, 1_000, Documents);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(hit => hit.Doc).Order(), actual.ScoreDocs.Select(hit => hit.Doc).Order());
        Assert.DoesNotContain(actual.ScoreDocs, hit => _reader.Document(hit.Doc).Get("id") is "17" or "4096" or "8191");
    }

    [Fact]
    public void A_required_clause_is_scored_as_the_Boolean_query_it_extends()
    {
        var plain = new BooleanQuery { { new TermQuery(new Term("text", "theta")), Occur.MUST }, { new TermQuery(new Term("text", "alpha")), Occur.SHOULD } };
        var windowed = new WindowedDisjunctionQuery { plain.Clauses[0], plain.Clauses[1] };

        Assert.Equal(Search(plain).Select(hit => (hit.Doc, hit.Score)), Search(windowed).Select(hit => (hit.Doc, hit.Score)));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>Every match, out of document order as the service scores long queries, best first, ties by document.</summary>
    private ScoreDoc[] Search(Query query)
    {
        var collector = TopScoreDocCollector.Create(Documents, docsScoredInOrder: false);
        _searcher.Search(query, collector);
        return collector.GetTopDocs().ScoreDocs;
    }
}
