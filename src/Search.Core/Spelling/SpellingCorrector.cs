using Search.Core.Analysis;

namespace Search.Core.Spelling;

/// <summary>
/// Chooses, for a typed word, what it most likely should have been, from the index vocabulary: the words within reach of
/// <see cref="ArabicEditDistance"/>, or two words it ran together. A candidate's cost is its distance less
/// log10(documents holding it) / <see cref="FrequencyDigitsPerEdit"/> (a noisy-channel choice: a word a thousand times
/// more common may be one edit further away), and the cheapest wins. Words are compared folded, as the index holds
/// them. Caches per word; not thread-safe: one per search.
/// </summary>
internal sealed class SpellingCorrector(Vocabulary vocabulary)
{
    /// <summary>Shorter words are mostly particles, and one edit from dozens of others: no guess would be worth much.</summary>
    public const int MinWordLength = 3;

    /// <summary>Orders of magnitude of document frequency that outweigh one edit.</summary>
    public const float FrequencyDigitsPerEdit = 3f;

    /// <summary>What leaving out the space between two words costs, as an edit would.</summary>
    public const float RunTogetherCost = 0.75f;

    /// <summary>A known word is only replaced by one this many times more common (and one edit away at most): a rare
    /// word may well be meant, but one a hundred times rarer than its neighbour is most likely a slip.</summary>
    public const int RareWordRatio = 100;

    private readonly Dictionary<string, WordCorrection?> _unknown = new(StringComparer.Ordinal);

    public Vocabulary Vocabulary { get; } = vocabulary;

    /// <summary>The likeliest word (or two words run together) for a folded word the index does not hold; null when
    /// nothing in the vocabulary is close enough.</summary>
    public WordCorrection? CorrectUnknown(string folded)
    {
        if (!_unknown.TryGetValue(folded, out var correction))
        {
            correction = Cheapest(NearWord(folded, MaxDistance(folded.Length)), RunTogether(folded));
            _unknown[folded] = correction;
        }

        return correction;
    }

    /// <summary>
    /// For a word the index holds in <paramref name="docFreq"/> documents: a word at most one edit away that is at
    /// least <see cref="RareWordRatio"/> times more common; null otherwise, so a correctly spelt query is left alone.
    /// </summary>
    public WordCorrection? CorrectRare(string folded, int docFreq)
    {
        if (folded.Length < MinWordLength)
        {
            return null;
        }

        var best = Best(Vocabulary.Near(folded, maxEdits: 1, ArabicEditDistance.EditCost)
            .Where(candidate => candidate.DocFreq >= (long)RareWordRatio * Math.Max(1, docFreq)));
        return best is { } candidate ? new WordCorrection([candidate.Word], Cost(candidate.Distance, candidate.DocFreq)) : null;
    }

    /// <summary>The word two typed pieces make together, when the index holds it and not both pieces: one word split
    /// in two (وزا رة → وزارة).</summary>
    public string? Join(string left, string right)
    {
        var joined = left + right;
        if (joined.Length < MinWordLength + 1 || Vocabulary.DocFreq(joined) == 0)
        {
            return null;
        }

        return IsKnown(left) && IsKnown(right) ? null : joined;
    }

    private WordCorrection? NearWord(string folded, float maxDistance)
    {
        if (folded.Length < MinWordLength || maxDistance <= 0)
        {
            return null;
        }

        var best = Best(Vocabulary.Near(folded, MaxEdits(folded.Length), maxDistance));
        return best is { } candidate ? new WordCorrection([candidate.Word], Cost(candidate.Distance, candidate.DocFreq)) : null;
    }

    /// <summary>
    /// The best split of a word that ran two together: both pieces at least two letters, each a word the index holds or
    /// a stop word, not both stop words; the rarer piece's frequency sets the cost.
    /// </summary>
    private WordCorrection? RunTogether(string folded)
    {
        WordCorrection? best = null;
        for (var at = 2; at <= folded.Length - 2; at++)
        {
            var left = folded[..at];
            var right = folded[at..];
            var leftStop = IsStopWord(left);
            var rightStop = IsStopWord(right);
            if (leftStop && rightStop)
            {
                continue;
            }

            var leftFrequency = leftStop ? Vocabulary.DocCount : Vocabulary.DocFreq(left);
            var rightFrequency = leftFrequency == 0 ? 0 : rightStop ? Vocabulary.DocCount : Vocabulary.DocFreq(right);
            if (rightFrequency == 0)
            {
                continue;
            }

            var cost = RunTogetherCost - (MathF.Log10(Math.Min(leftFrequency, rightFrequency)) / FrequencyDigitsPerEdit);
            if (best is null || cost < best.Cost)
            {
                best = new WordCorrection([left, right], cost);
            }
        }

        return best;
    }

    private bool IsKnown(string folded) => IsStopWord(folded) || Vocabulary.DocFreq(folded) > 0;

    private static bool IsStopWord(string folded) => ArabicStopWords.Folded.Contains(folded);

    /// <summary>Lowest cost; then the more common word; then ordinal order, so the choice never depends on enumeration order.</summary>
    private static SpellingCandidate? Best(IEnumerable<SpellingCandidate> candidates)
    {
        SpellingCandidate? best = null;
        foreach (var candidate in candidates)
        {
            if (best is not { } current || Compare(candidate, current) < 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static int Compare(SpellingCandidate a, SpellingCandidate b)
    {
        var byCost = Cost(a.Distance, a.DocFreq).CompareTo(Cost(b.Distance, b.DocFreq));
        return byCost != 0 ? byCost : a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq) : string.CompareOrdinal(a.Word, b.Word);
    }

    private static float Cost(float distance, int docFreq) => distance - (MathF.Log10(Math.Max(1, docFreq)) / FrequencyDigitsPerEdit);

    private static WordCorrection? Cheapest(WordCorrection? a, WordCorrection? b) =>
        a is null ? b : b is null ? a : b.Cost < a.Cost ? b : a;

    /// <summary>A slip is one edit; a long word may carry a spelling variant beside it (a hamza seat, ة/ه).</summary>
    private static float MaxDistance(int length) => length <= 4 ? ArabicEditDistance.EditCost : ArabicEditDistance.EditCost + ArabicEditDistance.VariantCost + 0.05f;

    /// <summary>Plain edits the automaton allows: two only for words long enough that two edits leave them recognisable.</summary>
    private static int MaxEdits(int length) => length <= 4 ? 1 : 2;
}
