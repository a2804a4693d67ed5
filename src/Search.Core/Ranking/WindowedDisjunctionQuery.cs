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
            var optionalWords = new List<ulong[]>();
            var prohibited = new List<Scorer>();
            var bonus = new List<ProximityPairScorer>();
            var bonusWords = new List<ulong>();
            var coordFactors = new float[query.Clauses.Count(clause => !clause.IsProhibited) + 1];
            for (var coord = 0; coord < coordFactors.Length; coord++)
            {
                coordFactors[coord] = query.CoordDisabled ? 1f : Coord(coord, m_maxCoord);
            }

            // Bonus clauses add to a score without adding matches, and only while the count of matching clauses does
            // not weigh on the score.
            var words = coordFactors.All(factor => factor == 1f) ? PairWords() : [];
            ulong WordOf(Query clause) => clause is TermQuery term && words.TryGetValue(term.Term, out var bit) ? bit : 0;
            for (var i = 0; i < m_weights.Count; i++)
            {
                if (query.Clauses[i] is { Occur: Occur.SHOULD, Query: ProximityPairQuery pairQuery } && pairQuery.GetTerms().Any(words.ContainsKey))
                {
                    if (m_weights[i].GetScorer(context, acceptDocs) is ProximityPairScorer pair)
                    {
                        bonus.Add(pair);
                        bonusWords.Add(pairQuery.GetTerms().Aggregate(0UL, (bits, term) => bits | words.GetValueOrDefault(term)));
                    }
                }
                else if (query.Clauses[i].IsProhibited)
                {
                    if (m_weights[i].GetScorer(context, acceptDocs) is { } excluded)
                    {
                        prohibited.Add(excluded);
                    }
                }
                else if (BestOfQuery.DisjunctsOf(m_weights[i]) is { } bestOf)
                {
                    // Its disjuncts' own scorers: the windowed scorer takes their best, a window at a time.
                    var disjuncts = bestOf.Select(disjunct => (Scorer: disjunct.GetScorer(context, acceptDocs), Word: WordOf(disjunct.Query)))
                        .Where(disjunct => disjunct.Scorer is not null).ToArray();
                    if (disjuncts.Length > 0)
                    {
                        optional.Add([.. disjuncts.Select(disjunct => disjunct.Scorer!)]);
                        optionalWords.Add([.. disjuncts.Select(disjunct => disjunct.Word)]);
                    }
                }
                else if (m_weights[i].GetScorer(context, acceptDocs) is { } scorer)
                {
                    optional.Add([scorer]);
                    optionalWords.Add([WordOf(query.Clauses[i].Query)]);
                }
            }

            if (optional.Count == 0)
            {
                return null;
            }

            return new WindowedDisjunctionScorer([.. optional], [.. optionalWords], [.. prohibited], coordFactors, [.. bonus], [.. bonusWords]);
        }

        /// <summary>
        /// A bit for each word of the optional proximity pairs that is itself an optional term clause (or one of a
        /// best-of clause's terms), up to 64. A pair with such a word adds no match of its own, since every document it
        /// matches holds that word, only a bonus to documents other clauses match; and it can only match a document
        /// whose clauses for its words matched it.
        /// </summary>
        private Dictionary<Term, ulong> PairWords()
        {
            var terms = new HashSet<Term>();
            foreach (var clause in query.Clauses.Where(clause => clause.Occur == Occur.SHOULD))
            {
                switch (clause.Query)
                {
                    case TermQuery term:
                        terms.Add(term.Term);
                        break;
                    case BestOfQuery bestOf:
                        terms.UnionWith(bestOf.Disjuncts.OfType<TermQuery>().Select(term => term.Term));
                        break;
                }
            }

            var words = new Dictionary<Term, ulong>();
            foreach (var clause in query.Clauses)
            {
                if (clause is { Occur: Occur.SHOULD, Query: ProximityPairQuery pair })
                {
                    foreach (var term in pair.GetTerms().Where(term => terms.Contains(term) && words.Count < 64))
                    {
                        words.TryAdd(term, 1UL << words.Count);
                    }
                }
            }

            return words;
        }
    }
}
