using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Ranking;

/// <summary>
/// Looks terms up in one index reader for one query build. Weighing a query, Lucene opens a terms enumerator per term
/// and segment (about 10 KB each, dozens per question); here one per segment and field serves every term, and the
/// states found go into the term queries, so nothing is looked up twice, and the term queries open their postings
/// through the same enumerators (<see cref="LookedUpTermQuery"/>). Not thread-safe: one per build and its search.
/// </summary>
internal sealed class TermLookup(IndexReader reader)
{
    private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string Text), TermContext> _states = [];

    /// <summary>Documents with the term, over all segments (deleted ones included, as in BM25's statistics).</summary>
    public int DocFreq(string field, string text) => States(field, text).DocFreq;

    public TermQuery Query(string field, string text) => new LookedUpTermQuery(new Term(field, text), States(field, text), this);

    /// <summary>True when this lookup is of the reader whose top context is <paramref name="top"/>: its states and
    /// enumerators serve only a search of that reader.</summary>
    public bool IsFor(IndexReaderContext top) => reader.Context == top;

    /// <summary>This build's enumerator of the field's terms in the segment with ordinal <paramref name="leaf"/>; null
    /// when the segment has no such field. Its position moves with every lookup.</summary>
    public TermsEnum? EnumeratorOf(string field, int leaf) => EnumeratorsOf(field)[leaf];

    /// <summary>The term's state in each segment that holds it, looked up once per build.</summary>
    public TermContext States(string field, string text)
    {
        if (_states.TryGetValue((field, text), out var known))
        {
            return known;
        }

        var top = reader.Context;
        var states = new TermContext(top);
        var bytes = new BytesRef(text);
        var enumerators = EnumeratorsOf(field);
        for (var leaf = 0; leaf < enumerators.Length; leaf++)
        {
            if (enumerators[leaf] is { } terms && terms.SeekExact(bytes))
            {
                states.Register(terms.GetTermState(), leaf, terms.DocFreq, terms.TotalTermFreq);
            }
        }

        _states[(field, text)] = states;
        return states;
    }

    private TermsEnum?[] EnumeratorsOf(string field)
    {
        if (!_enumerators.TryGetValue(field, out var enumerators))
        {
            var leaves = reader.Leaves;
            enumerators = new TermsEnum?[leaves.Count];
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                enumerators[leaf] = leaves[leaf].AtomicReader.GetTerms(field)?.GetEnumerator();
            }

            _enumerators[field] = enumerators;
        }

        return enumerators;
    }
}
