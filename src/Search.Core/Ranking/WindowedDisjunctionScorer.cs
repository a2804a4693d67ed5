using System.Buffers;
using System.Numerics;
using Lucene.Net.Search;

namespace Search.Core.Ranking;

/// <summary>
/// Scores a disjunction a window of 2,048 documents at a time, as Lucene's own bucket scorer (BooleanScorer) does, but
/// keeps each window's sums, counts and matches in arrays instead of 2,048 linked bucket objects, reads each clause's
/// scorer directly instead of through a collector per clause, skips windows no clause has a document in, and hands
/// documents on in order. A clause of several scorers counts its best one (a <see cref="BestOfQuery"/>), taken a window
/// at a time too instead of through Lucene's per-document heap. Sums are kept in double and added in the bucket
/// scorer's order (last clause first), so the scores are the same. Measured: benchmarks/README.md (ninth session).
/// </summary>
internal sealed class WindowedDisjunctionScorer : BulkScorer
{
    private const int WindowSize = 1 << 11;
    private const int WindowMask = WindowSize - 1;
    private const int Words = WindowSize / 64;

    private readonly Scorer[][] _optional;
    private readonly Scorer[] _prohibited;
    private readonly float[] _coordFactors;
    private readonly ulong[] _matched = new ulong[Words];
    private readonly ulong[] _excluded = new ulong[Words];
    private readonly ulong[] _bestMatched = new ulong[Words];

    // A window's sums, counts and best scores: 32 KB a scorer, and a question makes one per segment, so they are
    // rented and given back once the scorer is through (measured: a twentieth of what a question allocated). Their
    // slots are read only where the bit sets above say they were written.
    private double[] _scores = ArrayPool<double>.Shared.Rent(WindowSize);
    private int[] _coords = ArrayPool<int>.Shared.Rent(WindowSize);
    private float[] _best = ArrayPool<float>.Shared.Rent(WindowSize);
    private readonly WindowScorer _current = new();
    private bool _started;

    /// <param name="optional">Each optional clause's scorers, in clause order: one, or several whose best counts.</param>
    /// <param name="coordFactors">The coordination factor for each number of matching optional clauses.</param>
    public WindowedDisjunctionScorer(Scorer[][] optional, Scorer[] prohibited, float[] coordFactors)
    {
        // Last clause first, as the bucket scorer links its sub-scorers: the double sums then add in the same order.
        _optional = [.. optional.Reverse()];
        _prohibited = prohibited;
        _coordFactors = coordFactors;
    }

    public override bool Score(ICollector collector, int max)
    {
        if (!_started)
        {
            foreach (var scorer in _optional.SelectMany(clause => clause))
            {
                scorer.NextDoc();
            }

            _started = true;
        }

        collector.SetScorer(_current);
        while (true)
        {
            var first = DocIdSetIterator.NO_MORE_DOCS;
            foreach (var clause in _optional)
            {
                foreach (var scorer in clause)
                {
                    first = Math.Min(first, scorer.DocID);
                }
            }

            if (first >= max)
            {
                if (first == DocIdSetIterator.NO_MORE_DOCS)
                {
                    GiveBack();
                    return false;
                }

                return true;
            }

            var windowStart = first & ~WindowMask;
            var windowEnd = (int)Math.Min((long)windowStart + WindowSize, max);
            foreach (var clause in _optional)
            {
                if (clause.Length == 1)
                {
                    AddClause(clause[0], windowEnd);
                }
                else
                {
                    AddBestOf(clause, windowStart, windowEnd);
                }
            }

            foreach (var scorer in _prohibited)
            {
                var doc = scorer.DocID < windowStart ? scorer.Advance(windowStart) : scorer.DocID;
                for (; doc < windowEnd; doc = scorer.NextDoc())
                {
                    var slot = doc & WindowMask;
                    _excluded[slot >> 6] |= 1UL << slot;
                }
            }

            Collect(collector, windowStart);
        }
    }

    private void GiveBack()
    {
        if (_scores.Length == 0)
        {
            return;
        }

        ArrayPool<double>.Shared.Return(_scores);
        ArrayPool<int>.Shared.Return(_coords);
        ArrayPool<float>.Shared.Return(_best);
        _scores = [];
        _coords = [];
        _best = [];
    }

    private void AddClause(Scorer scorer, int windowEnd)
    {
        for (var doc = scorer.DocID; doc < windowEnd; doc = scorer.NextDoc())
        {
            Add(doc & WindowMask, scorer.GetScore());
        }
    }

    /// <summary>Adds, for each document of the window, the best score of the clause's scorers: what Lucene's
    /// disjunction-max scorer with no tie-breaker gives (the maximum of the same floats).</summary>
    private void AddBestOf(Scorer[] scorers, int windowStart, int windowEnd)
    {
        foreach (var scorer in scorers)
        {
            for (var doc = scorer.DocID; doc < windowEnd; doc = scorer.NextDoc())
            {
                var slot = doc & WindowMask;
                ref var word = ref _bestMatched[slot >> 6];
                var bit = 1UL << slot;
                var score = scorer.GetScore();
                if ((word & bit) == 0)
                {
                    word |= bit;
                    _best[slot] = score;
                }
                else
                {
                    _best[slot] = Math.Max(_best[slot], score);
                }
            }
        }

        for (var i = 0; i < Words; i++)
        {
            var bits = _bestMatched[i];
            _bestMatched[i] = 0;
            while (bits != 0)
            {
                var slot = (i << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                Add(slot, _best[slot]);
            }
        }
    }

    private void Add(int slot, float score)
    {
        ref var word = ref _matched[slot >> 6];
        var bit = 1UL << slot;
        if ((word & bit) == 0)
        {
            word |= bit;
            _scores[slot] = score;
            _coords[slot] = 1;
        }
        else
        {
            _scores[slot] += score;
            _coords[slot]++;
        }
    }

    /// <summary>Hands on the window's matches that no prohibited clause matched, in document order, and clears it.</summary>
    private void Collect(ICollector collector, int windowStart)
    {
        for (var i = 0; i < Words; i++)
        {
            var bits = _matched[i] & ~_excluded[i];
            _matched[i] = 0;
            _excluded[i] = 0;
            while (bits != 0)
            {
                var slot = (i << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var coord = _coords[slot];
                _current.Doc = windowStart + slot;
                _current.Coord = coord;
                _current.Value = (float)(_scores[slot] * _coordFactors[coord]);
                collector.Collect(_current.Doc);
            }
        }
    }

    /// <summary>What a collector sees of the document it is handed: its summed score and how many clauses matched.</summary>
    private sealed class WindowScorer() : Scorer(null)
    {
        public int Doc { get; set; } = -1;

        public int Coord { get; set; }

        public float Value { get; set; }

        public override int DocID => Doc;

        public override int Freq => Coord;

        public override float GetScore() => Value;

        public override int NextDoc() => throw new NotSupportedException("a window's documents are handed on, not iterated");

        public override int Advance(int target) => throw new NotSupportedException("a window's documents are handed on, not iterated");

        public override long GetCost() => 1;
    }
}
