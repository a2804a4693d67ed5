using Lucene.Net.Search;

namespace Search.Core.Ranking;

/// <summary>
/// A disjunction-max query with no tie-breaker: a document scores what its best-matching disjunct scores (a word's forms,
/// or its corrections, count once). Its weight shows its disjuncts' weights (<see cref="DisjunctsOf"/>), so
/// <see cref="WindowedDisjunctionScorer"/> can take the maximum a window at a time instead of document by document
/// through Lucene's heap.
/// </summary>
internal sealed class BestOfQuery() : DisjunctionMaxQuery(0f)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new BestOfWeight(this, searcher);

    /// <summary>The disjuncts' weights, normalized with it, when <paramref name="weight"/> is a best-of query's; else null.</summary>
    public static IList<Weight>? DisjunctsOf(Weight weight) => (weight as BestOfWeight)?.Disjuncts;

    private sealed class BestOfWeight(BestOfQuery query, IndexSearcher searcher) : DisjunctionMaxWeight(query, searcher)
    {
        public IList<Weight> Disjuncts => m_weights;
    }
}
