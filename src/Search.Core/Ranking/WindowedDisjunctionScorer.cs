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
/// <para>
/// Proximity pairs whose matches other clauses all match too (bonus clauses) are asked only about the window's matches,
/// after the other clauses were added; when the collector keeps the best scores (a <see cref="CompetitiveScoreCollector"/>),
/// only about those whose score with every pair's ceiling would reach the lowest of the best so far. A document left
/// out could not have been among the hits; the others get the same sum, the bonus added after the other clauses, which
/// changes nothing while the scores are within 2^23 of each other (each float then adds exactly into the double).
/// Measured: benchmarks/README.md (fourteenth session).
/// </para>
/// </summary>
internal sealed class WindowedDisjunctionScorer : BulkScorer
{
    private const int WindowSize = 1 << 11;
    private const int WindowMask = WindowSize - 1;
    private const int Words = WindowSize / 64;

    private readonly Scorer[][] _optional;
    private readonly Scorer[] _prohibited;
    private readonly float[] _coordFactors;
    private readonly ProximityPairScorer[] _bonus;
    private readonly double[] _bonusCeilings;

    // Per optional scorer, where its word's row of _wordSets starts (-1 for none); per pair, its words' rows (the same
    // row twice for a pair with one word tracked).
    private readonly int[][] _wordRows;
    private readonly (int First, int Second)[] _pairRows;
    private CompetitiveScoreCollector? _competitive;
    private readonly ulong[] _matched = new ulong[Words];
    private readonly ulong[] _excluded = new ulong[Words];
    private readonly ulong[] _bestMatched = new ulong[Words];

    // A window's sums, counts and best scores: 32 KB a scorer, and a question makes one per segment, so they are
    // rented and given back once the scorer is through (measured: a twentieth of what a question allocated). Their
    // slots are read only where the bit sets above say they were written.
    private double[] _scores = ArrayPool<double>.Shared.Rent(WindowSize);
    private int[] _coords = ArrayPool<int>.Shared.Rent(WindowSize);
    private float[] _best = ArrayPool<float>.Shared.Rent(WindowSize);

    // For each of the bonus pairs' words, a row of bits: the window's matches that hold it.
    private ulong[] _wordSets = [];
    private readonly int _wordRowCount;
    private readonly WindowScorer _current = new();
    private bool _started;

    /// <param name="optional">Each optional clause's scorers, in clause order: one, or several whose best counts.</param>
    /// <param name="optionalWords">For each of those scorers, the bit of the bonus pairs' word it matches; 0 for none.</param>
    /// <param name="coordFactors">The coordination factor for each number of matching optional clauses.</param>
    /// <param name="bonus">Pairs that match only documents holding words some optional scorer matches, with coordination
    /// factors of 1.</param>
    /// <param name="bonusWords">For each pair, the bits of its words that optional scorers match.</param>
    public WindowedDisjunctionScorer(Scorer[][] optional, ulong[][] optionalWords, Scorer[] prohibited, float[] coordFactors, ProximityPairScorer[] bonus, ulong[] bonusWords)
    {
        // Last clause first, as the bucket scorer links its sub-scorers: the double sums then add in the same order.
        _optional = [.. optional.Reverse()];
        _prohibited = prohibited;
        _coordFactors = coordFactors;
        _bonus = [.. bonus.Reverse()];
        _bonusCeilings = [.. _bonus.Select(pair => (double)pair.Ceiling)];

        // Words are marked only when some pair reads them.
        var tracksWords = _bonus.Length > 0;
        _wordRows = [.. optionalWords.Reverse().Select(words => words.Select(word => word == 0 || !tracksWords ? -1 : BitOperations.TrailingZeroCount(word) * Words).ToArray())];
        _pairRows = [.. bonusWords.Reverse().Select(words => (BitOperations.TrailingZeroCount(words) * Words, (63 - BitOperations.LeadingZeroCount(words)) * Words))];
        if (tracksWords)
        {
            _wordRowCount = 64 - BitOperations.LeadingZeroCount(optionalWords.SelectMany(words => words).Aggregate(0UL, (all, word) => all | word));
            _wordSets = ArrayPool<ulong>.Shared.Rent(_wordRowCount * Words);
            Array.Clear(_wordSets, 0, _wordRowCount * Words);
        }
    }

    /// <summary>Documents holding a pair's words whose bonus was not looked at: they could not reach the collector's best.</summary>
    internal int SkippedBonuses { get; private set; }

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
        _competitive = collector as CompetitiveScoreCollector;
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
            for (var c = 0; c < _optional.Length; c++)
            {
                var clause = _optional[c];
                if (clause.Length == 1)
                {
                    AddClause(clause[0], _wordRows[c][0], windowEnd);
                }
                else
                {
                    AddBestOf(clause, _wordRows[c], windowStart, windowEnd);
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

            if (_bonus.Length > 0)
            {
                AddBonuses(windowStart);
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
        if (_wordSets.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(_wordSets);
        }

        _wordSets = [];
        _scores = [];
        _coords = [];
        _best = [];
    }

    /// <param name="wordRow">Where the row of the pairs' word the scorer matches starts in the word sets; -1 for none.</param>
    private void AddClause(Scorer scorer, int wordRow, int windowEnd)
    {
        if (wordRow >= 0)
        {
            for (var doc = scorer.DocID; doc < windowEnd; doc = scorer.NextDoc())
            {
                var slot = doc & WindowMask;
                _wordSets[wordRow + (slot >> 6)] |= 1UL << slot;
                Add(slot, scorer.GetScore());
            }

            return;
        }

        for (var doc = scorer.DocID; doc < windowEnd; doc = scorer.NextDoc())
        {
            Add(doc & WindowMask, scorer.GetScore());
        }
    }

    /// <summary>Adds, for each document of the window, the best score of the clause's scorers: what Lucene's
    /// disjunction-max scorer with no tie-breaker gives (the maximum of the same floats).</summary>
    private void AddBestOf(Scorer[] scorers, int[] wordRows, int windowStart, int windowEnd)
    {
        for (var s = 0; s < scorers.Length; s++)
        {
            var scorer = scorers[s];
            var wordRow = wordRows[s];
            for (var doc = scorer.DocID; doc < windowEnd; doc = scorer.NextDoc())
            {
                var slot = doc & WindowMask;
                if (wordRow >= 0)
                {
                    _wordSets[wordRow + (slot >> 6)] |= 1UL << slot;
                }

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

    /// <summary>
    /// Adds each pair's score to the window's matches that hold its words (the two words' sets, intersected) and could
    /// still reach the collector's best with it, and clears the word sets.
    /// </summary>
    private void AddBonuses(int windowStart)
    {
        var least = _competitive?.MinCompetitiveScore ?? float.NegativeInfinity;
        Span<ulong> holding = stackalloc ulong[_bonus.Length];
        for (var i = 0; i < Words; i++)
        {
            var any = 0UL;
            for (var p = 0; p < _bonus.Length; p++)
            {
                any |= holding[p] = _wordSets[_pairRows[p].First + i] & _wordSets[_pairRows[p].Second + i];
            }

            for (var row = 0; row < _wordRowCount; row++)
            {
                _wordSets[(row * Words) + i] = 0;
            }

            any &= _matched[i] & ~_excluded[i];
            while (any != 0)
            {
                var slot = (i << 6) + BitOperations.TrailingZeroCount(any);
                var bit = any & (0 - any);
                any &= any - 1;
                if (CouldReach(slot, bit, holding, least))
                {
                    for (var p = 0; p < _bonus.Length; p++)
                    {
                        if ((holding[p] & bit) != 0 && _bonus[p].ScoreAt(windowStart + slot) is var score and > 0)
                        {
                            Add(slot, score);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whether the match in the slot (<paramref name="bit"/> of its word), with the ceiling of every pair whose
    /// words it holds, reaches <paramref name="least"/>; a margin keeps one whose bound rounds to it, since a tie on score
    /// can still enter.</summary>
    private bool CouldReach(int slot, ulong bit, ReadOnlySpan<ulong> holding, float least)
    {
        var bound = _scores[slot];
        for (var p = 0; p < _bonus.Length; p++)
        {
            if ((holding[p] & bit) != 0)
            {
                bound += _bonusCeilings[p];
            }
        }

        if (bound * (1 + 1e-6) >= least)
        {
            return true;
        }

        SkippedBonuses++;
        return false;
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
