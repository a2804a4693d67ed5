using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Segments;

namespace Search.Core.Ranking;

/// <summary>
/// Looks terms up in one index reader for one query build. Weighing a query, Lucene opens a terms enumerator per term
/// and segment (about 10 KB each, dozens per question); here one per segment and field serves every term, and the
/// states found go into the term queries, so nothing is looked up twice, and the term queries open their postings
/// through the same enumerators (<see cref="LookedUpTermQuery"/>), into postings enumerators lent by
/// <paramref name="postings"/> when given, until <see cref="GiveBack"/>. Not thread-safe: one per build and its search.
/// </summary>
internal sealed class TermLookup(IndexReader reader, PostingsPool? postings = null)
{
    private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string Text), TermContext> _states = [];
    private readonly List<(AtomicReader Segment, DocsEnum Postings)> _lent = [];

    /// <summary>Documents with the term, over all segments (deleted ones included, as in BM25's statistics).</summary>
    public int DocFreq(string field, string text) => States(field, text).DocFreq;

    public TermQuery Query(string field, string text) => new LookedUpTermQuery(new Term(field, text), States(field, text), this);

    /// <summary>True when this lookup is of the reader whose top context is <paramref name="top"/>: its states and
    /// enumerators serve only a search of that reader.</summary>
    public bool IsFor(IndexReaderContext top) => reader.Context == top;

    /// <summary>This build's enumerator of the field's terms in the segment with ordinal <paramref name="leaf"/>; null
    /// when the segment has no such field. Its position moves with every lookup.</summary>
    public TermsEnum? EnumeratorOf(string field, int leaf) => EnumeratorsOf(field)[leaf];

    /// <summary>The documents of the term <paramref name="terms"/> is positioned on, in the segment it enumerates.</summary>
    public DocsEnum Docs(TermsEnum terms, AtomicReaderContext segment, IBits acceptDocs)
    {
        var docs = terms.Docs(acceptDocs, postings?.RentDocs(segment.AtomicReader));
        Lend(segment, docs);
        return docs;
    }

    /// <summary>The documents and positions of the term <paramref name="terms"/> is positioned on; null when its field
    /// has no positions.</summary>
    public DocsAndPositionsEnum? Positions(TermsEnum terms, AtomicReaderContext segment, IBits acceptDocs)
    {
        var positions = terms.DocsAndPositions(acceptDocs, postings?.RentPositions(segment.AtomicReader), DocsAndPositionsFlags.NONE);
        if (positions is not null)
        {
            Lend(segment, positions);
        }

        return positions;
    }

    /// <summary>
    /// Hands the postings enumerators opened through this lookup back to the pool, for later searches: only once the
    /// search that scored with them is through, since they are then reset to other terms. Those opened after are kept
    /// for the next call.
    /// </summary>
    public void GiveBack()
    {
        if (postings is null)
        {
            return;
        }

        foreach (var (segment, docs) in _lent)
        {
            postings.GiveBack(segment, docs);
        }

        _lent.Clear();
    }

    private void Lend(AtomicReaderContext segment, DocsEnum docs)
    {
        if (postings is not null)
        {
            _lent.Add((segment.AtomicReader, docs));
        }
    }

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
