using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Ranking;

/// <summary>
/// A Boolean query that, when scored out of document order as a disjunction of optional clauses (and exclusions), is
/// scored by <see cref="WindowedDisjunctionScorer"/> instead of Lucene's bucket scorer; in every other case, and for
/// explanations, it is the Boolean query it extends. The query builder's flattened top-level query.
/// </summary>
internal sealed class WindowedDisjunctionQuery : BooleanQuery
{
    public override Weight CreateWeight(IndexSearcher searcher) => new WindowedWeight(this, searcher);

    private sealed class WindowedWeight(WindowedDisjunctionQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
        {
            if (scoreDocsInOrder || query.MinimumNumberShouldMatch > 1 || query.Clauses.Any(clause => clause.IsRequired))
            {
                return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }

            var optional = new List<Scorer[]>();
            var prohibited = new List<Scorer>();
            for (var i = 0; i < m_weights.Count; i++)
            {
                if (query.Clauses[i].IsProhibited)
                {
                    if (m_weights[i].GetScorer(context, acceptDocs) is { } excluded)
                    {
                        prohibited.Add(excluded);
                    }
                }
                else if (BestOfQuery.DisjunctsOf(m_weights[i]) is { } bestOf)
                {
                    // Its disjuncts' own scorers: the windowed scorer takes their best, a window at a time.
                    if (bestOf.Select(disjunct => disjunct.GetScorer(context, acceptDocs)).OfType<Scorer>().ToArray() is { Length: > 0 } disjuncts)
                    {
                        optional.Add(disjuncts);
                    }
                }
                else if (m_weights[i].GetScorer(context, acceptDocs) is { } scorer)
                {
                    optional.Add([scorer]);
                }
            }

            if (optional.Count == 0)
            {
                return null;
            }

            var coordFactors = new float[optional.Count + 1];
            for (var coord = 0; coord < coordFactors.Length; coord++)
            {
                coordFactors[coord] = query.CoordDisabled ? 1f : Coord(coord, m_maxCoord);
            }

            return new WindowedDisjunctionScorer([.. optional], [.. prohibited], coordFactors);
        }
    }
}
