using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Ranking;

/// <summary>
/// Two different words within <c>slop</c> positions of each other, in the order given or near it: a sloppy phrase of
/// two terms, as Lucene's <see cref="PhraseQuery"/> with a slop scores it, with the same matches and scores, but
/// scored by <see cref="ProximityPairScorer"/>, which walks the two position lists side by side instead of through
/// Lucene's general phrase machinery (a priority queue of phrase positions and repeated-term checks). The question
/// proximity bonus is a clause of these per pair of adjacent words.
/// </summary>
internal sealed class ProximityPairQuery : PhraseQuery
{
    private readonly TermLookup? _lookup;

    /// <param name="lookup">The build's term lookups, whose states and enumerators the pair reuses on the reader they
    /// are for (the words' own clauses looked the terms up already): a lookup of its own opens a terms enumerator per
    /// term and segment, measured at an eighth of the memory a question allocated.</param>
    public ProximityPairQuery(Term first, Term second, int slop, TermLookup? lookup = null)
    {
        if (first.Equals(second))
        {
            throw new ArgumentException("the two terms of a proximity pair differ; a repeated word needs PhraseQuery", nameof(second));
        }

        Add(first);
        Add(second);
        Slop = slop;
        _lookup = lookup;
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new PairWeight(this, searcher);

    private sealed class PairWeight : Weight
    {
        private readonly ProximityPairQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _states;
        private readonly TermLookup? _lookup;

        public PairWeight(ProximityPairQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            var terms = query.GetTerms();

            // The lookup of another reader (a query kept and run again after a refresh) is not used: the terms are
            // looked up afresh.
            _lookup = query._lookup is { } lookup && lookup.IsFor(searcher.TopReaderContext) ? lookup : null;
            _states = new TermContext[terms.Length];
            var termStats = new TermStatistics[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                _states[i] = _lookup?.States(terms[i].Field, terms[i].Text) ?? TermContext.Build(searcher.TopReaderContext, terms[i]);
                termStats[i] = searcher.TermStatistics(terms[i], _states[i]);
            }

            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(terms[0].Field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var terms = _query.GetTerms();
            if ((_lookup?.EnumeratorOf(terms[0].Field, context.Ord) ?? context.AtomicReader.GetTerms(terms[0].Field)?.GetEnumerator()) is not { } termsEnum)
            {
                return null;
            }

            var postings = new DocsAndPositionsEnum[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                if (_states[i].Get(context.Ord) is not { } state)
                {
                    return null;
                }

                termsEnum.SeekExact(terms[i].Bytes, state);
                postings[i] = (_lookup is null ? termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE) : _lookup.Positions(termsEnum, context, acceptDocs))
                    ?? throw new InvalidOperationException($"field {terms[i].Field} was indexed without positions");
            }

            var docScorer = _similarity.GetSimScorer(_stats, context);
            return new ProximityPairScorer(this, postings[0], postings[1], _query.Slop, docScorer, Ceiling(docScorer));
        }

        /// <summary>
        /// BM25 gives a frequency <c>f</c> the score <c>w f / (f + n)</c>, below <c>w</c> whatever the document's norm
        /// <c>n</c>: an overwhelming frequency gives <c>w</c> itself (to a rounding, which the margin covers). Other
        /// similarities (TF-IDF grows with the frequency) give no ceiling.
        /// </summary>
        private float Ceiling(Similarity.SimScorer docScorer) =>
            _similarity.GetType() == typeof(BM25Similarity) ? docScorer.Score(0, 1e20f) * (1 + 1e-5f) : float.PositiveInfinity;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is ProximityPairScorer scorer && scorer.Advance(doc) == doc)
            {
                var explanation = new ComplexExplanation(true, scorer.GetScore(), $"weight({_query} in {doc}), result of:");
                explanation.AddDetail(scorer.Explain(doc));
                return explanation;
            }

            return new ComplexExplanation(false, 0f, "no matching term pair");
        }
    }
}
