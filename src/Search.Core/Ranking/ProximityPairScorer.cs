using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Ranking;

/// <summary>
/// Scores a <see cref="ProximityPairQuery"/>: the documents holding both terms, leapfrogging the two postings, and in
/// each the sloppy frequency Lucene's sloppy phrase scorer computes for two different terms (the same walk: the lesser
/// phrase position advances, a match's length is the span to the furthest position seen, each match of length within
/// the slop adds the similarity's slop factor), from the two position lists directly. Documents where no match is
/// within the slop are skipped, as Lucene's scorer skips them.
/// </summary>
internal sealed class ProximityPairScorer : Scorer
{
    private readonly DocsAndPositionsEnum _first;
    private readonly DocsAndPositionsEnum _second;
    private readonly int _slop;
    private readonly Similarity.SimScorer _docScorer;
    private int _doc = -1;
    private float _frequency;
    private int _matches;

    /// <param name="ceiling">No document scores more than this: see <see cref="Ceiling"/>.</param>
    public ProximityPairScorer(Weight weight, DocsAndPositionsEnum first, DocsAndPositionsEnum second, int slop, Similarity.SimScorer docScorer, float ceiling)
        : base(weight)
    {
        _first = first;
        _second = second;
        _slop = slop;
        _docScorer = docScorer;
        Ceiling = ceiling;
    }

    /// <summary>A score no document of the segment reaches or passes by more than rounding; positive infinity when the
    /// similarity gives none.</summary>
    public float Ceiling { get; }

    public override int DocID => _doc;

    public override int Freq => _matches;

    public override float GetScore() => _docScorer.Score(_doc, _frequency);

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        var doc = _first.Advance(target);
        while (doc != NO_MORE_DOCS)
        {
            var other = _second.DocID < doc ? _second.Advance(doc) : _second.DocID;
            if (other == NO_MORE_DOCS)
            {
                break;
            }

            if (other > doc)
            {
                doc = _first.Advance(other);
                continue;
            }

            _frequency = SloppyFrequency();
            if (_frequency > 0)
            {
                return _doc = doc;
            }

            doc = _first.NextDoc();
        }

        _frequency = 0;
        return _doc = NO_MORE_DOCS;
    }

    public override long GetCost() => Math.Min(_first.GetCost(), _second.GetCost());

    /// <summary>
    /// The pair's score in document <paramref name="target"/>, or 0 when it does not hold both words within the slop:
    /// the two postings move straight to it, and positions are read there only, for a caller that asks about a few
    /// documents of its choosing, in increasing order, instead of walking every match.
    /// </summary>
    public float ScoreAt(int target)
    {
        if ((_first.DocID < target ? _first.Advance(target) : _first.DocID) != target
            || (_second.DocID < target ? _second.Advance(target) : _second.DocID) != target)
        {
            return 0;
        }

        _doc = target;
        _frequency = SloppyFrequency();
        return _frequency > 0 ? _docScorer.Score(target, _frequency) : 0;
    }

    public Explanation Explain(int doc) =>
        _docScorer.Explain(doc, new Explanation(_frequency, $"phraseFreq={_frequency}"));

    /// <summary>
    /// Lucene's sloppy phrase frequency for two different terms. A phrase position is a term position less the term's
    /// offset in the phrase (0 and 1); the lesser one (ties: the first term's) is advanced while it does not pass the
    /// other, the match length being the furthest position seen less it; when it passes, the match counts if within
    /// the slop and the two swap roles.
    /// </summary>
    private float SloppyFrequency()
    {
        var first = new PhrasePosition(_first, 0);
        var second = new PhrasePosition(_second, 1);
        var end = Math.Max(first.Position, second.Position);

        // Pop the lesser (by position, then offset: the first term's offset is the smaller).
        ref var current = ref first.Position <= second.Position ? ref first : ref second;
        ref var queued = ref first.Position <= second.Position ? ref second : ref first;
        var frequency = 0f;
        _matches = 0;
        var matchLength = end - current.Position;
        var next = queued.Position;
        while (current.Next())
        {
            end = Math.Max(end, current.Position);
            if (current.Position > next)
            {
                if (matchLength <= _slop)
                {
                    frequency += _docScorer.ComputeSlopFactor(matchLength);
                    _matches++;
                }

                // Back into the queue, and out again: the lesser of the two, ties to the smaller offset.
                if (queued.Position < current.Position || (queued.Position == current.Position && queued.Offset < current.Offset))
                {
                    (current, queued) = (queued, current);
                }

                next = queued.Position;
                matchLength = end - current.Position;
            }
            else
            {
                matchLength = Math.Min(matchLength, end - current.Position);
            }
        }

        if (matchLength <= _slop)
        {
            frequency += _docScorer.ComputeSlopFactor(matchLength);
            _matches++;
        }

        return frequency;
    }

    /// <summary>One term's walk through its positions in the current document, as a phrase position.</summary>
    private struct PhrasePosition
    {
        private readonly DocsAndPositionsEnum _postings;
        private int _remaining;

        public PhrasePosition(DocsAndPositionsEnum postings, int offset)
        {
            _postings = postings;
            Offset = offset;
            _remaining = postings.Freq;
            Position = 0;
            Next();
        }

        public int Offset { get; }

        public int Position { get; private set; }

        public bool Next()
        {
            if (_remaining-- <= 0)
            {
                return false;
            }

            Position = _postings.NextPosition() - Offset;
            return true;
        }
    }
}
