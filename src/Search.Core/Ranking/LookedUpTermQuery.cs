using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Search.Core.Ranking;

/// <summary>
/// A <see cref="TermQuery"/> from a <see cref="TermLookup"/>: scored as Lucene scores a term (the same similarity
/// weight and per-document scorer), but its postings are opened through the lookup's terms enumerator for the segment
/// rather than a new one per term and segment, as Lucene's term weight opens (a block-tree enumerator's frames, arcs
/// and buffers: measured, about a sixth of what a question allocated, with some 60 term clauses). Run on a reader other
/// than the lookup's, it opens its own, as <see cref="TermQuery"/> does.
/// </summary>
internal sealed class LookedUpTermQuery : TermQuery
{
    private readonly TermContext _states;
    private readonly TermLookup _lookup;

    public LookedUpTermQuery(Term term, TermContext states, TermLookup lookup)
        : base(term, states)
    {
        _states = states;
        _lookup = lookup;
    }

    public override Weight CreateWeight(IndexSearcher searcher)
    {
        var top = searcher.TopReaderContext;
        return _lookup.IsFor(top)
            ? new LookedUpWeight(this, searcher, _states, _lookup)
            : new LookedUpWeight(this, searcher, TermContext.Build(top, Term), lookup: null);
    }

    private sealed class LookedUpWeight : Weight
    {
        private readonly LookedUpTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext _states;
        private readonly TermLookup? _lookup;

        public LookedUpWeight(LookedUpTermQuery query, IndexSearcher searcher, TermContext states, TermLookup? lookup)
        {
            _query = query;
            _states = states;
            _lookup = lookup;
            _similarity = searcher.Similarity;
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, states));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (_states.Get(context.Ord) is not { } state)
            {
                return null;
            }

            var terms = _lookup?.EnumeratorOf(_query.Term.Field, context.Ord) ?? context.AtomicReader.GetTerms(_query.Term.Field)?.GetEnumerator();
            if (terms is null)
            {
                return null;
            }

            terms.SeekExact(_query.Term.Bytes, state);
            var postings = _lookup is null ? terms.Docs(acceptDocs, null) : _lookup.Docs(terms, context, acceptDocs);
            return new PostingsScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.Freq;
                var score = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(freq, $"termFreq={freq}"));
                var explanation = new ComplexExplanation(true, score.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
                explanation.AddDetail(score);
                return explanation;
            }

            return new ComplexExplanation(false, 0f, "no matching term");
        }
    }

    /// <summary>A term's postings scored by the similarity, as Lucene's term scorer (whose constructor is internal).</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum postings, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => postings.DocID;

        public override int Freq => postings.Freq;

        public override float GetScore() => scorer.Score(postings.DocID, postings.Freq);

        public override int NextDoc() => postings.NextDoc();

        public override int Advance(int target) => postings.Advance(target);

        public override long GetCost() => postings.GetCost();
    }
}
