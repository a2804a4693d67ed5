using Search.Core.Analysis;

namespace Search.Core.Spelling;

/// <summary>
/// Chooses, for a typed word, what it most likely should have been, from the index vocabulary: the words within reach of
/// <see cref="ArabicEditDistance"/>, or two words it ran together. A candidate's cost is its distance less
/// log10(documents holding it) / <see cref="FrequencyDigitsPerEdit"/> (a noisy-channel choice: a word a thousand times
/// more common may be one edit further away), and the cheapest wins. Words are compared folded, as the index holds
/// them. Caches per word, so the query build and the "did you mean" of one search walk the vocabulary once; not
/// thread-safe: one per search.
/// </summary>
internal sealed class SpellingCorrector(Vocabulary vocabulary)
{
    /// <summary>Shorter words are mostly particles, and one edit from dozens of others: no guess would be worth much.</summary>
    public const int MinWordLength = 3;

    /// <summary>Orders of magnitude of document frequency that outweigh one edit.</summary>
    public const float FrequencyDigitsPerEdit = 3f;

    /// <summary>What leaving out the space between two words costs, as an edit would, when some article has the two
    /// side by side (or one is a stop word, which the index does not hold).</summary>
    public const float RunTogetherCost = 0.75f;

    /// <summary>What a split into two words no article has side by side costs on top: many a name or unknown word
    /// splits into two words by chance (الملاديف into الملا ديف), while a real pair usually occurs somewhere.</summary>
    public const float UnattestedPairCost = 0.5f;

    /// <summary>A known word is only replaced by one this many times more common (and one edit away at most): a rare
    /// word may well be meant, but one a hundred times rarer than its neighbour is most likely a slip.</summary>
    public const int RareWordRatio = 100;

    /// <summary>Longer words are looked up for no correction: no slip of a real word is that long (the longest Arabic
    /// words with every clitic on run to about 15 letters, three words run together to about 20), and the walks grow
    /// with the length: a query of 16 words of 60 random letters spent a second looking them up.</summary>
    public const int MaxWordLength = 24;

    /// <summary>Words from which a second plain edit is worth a look, when one finds nothing: shorter ones become
    /// too many other words.</summary>
    private const int MinLengthForTwoEdits = 5;

    /// <summary>إلا, folded: as a piece split off the start it is far more often the article before a word starting
    /// with alef (الافرع is ال + افرع, not إلا فرع).</summary>
    private const string ArticleAndAlef = "الا";

    private Dictionary<string, List<WordCorrection>>? _unknown;
    private Dictionary<string, List<WordCorrection>>? _unseenForms;
    private Dictionary<string, List<WordCorrection>>? _twoLetters;

    public Vocabulary Vocabulary { get; } = vocabulary;

    /// <summary>The likeliest word (or two words run together) for a folded word the index does not hold; null when
    /// nothing in the vocabulary is close enough.</summary>
    public WordCorrection? CorrectUnknown(string folded) => CandidatesForUnknown(folded) is [var best, ..] ? best : null;

    /// <summary>
    /// Every correction within reach of a folded word the index does not hold, likeliest first: words one plain edit
    /// away (two, for a word of five letters or more when one finds none; at most
    /// <see cref="ArabicEditDistance.EditCost"/> + <see cref="ArabicEditDistance.VariantCost"/> weighted), and the
    /// two words it may have run together.
    /// </summary>
    public IReadOnlyList<WordCorrection> CandidatesForUnknown(string folded)
    {
        _unknown ??= new Dictionary<string, List<WordCorrection>>(StringComparer.Ordinal);
        if (!_unknown.TryGetValue(folded, out var candidates))
        {
            candidates = NearWords(folded, MaxDistance(folded.Length), allowTwoEdits: true);
            candidates.AddRange(RunTogether(folded));
            candidates.Sort(Compare);
            _unknown[folded] = candidates;
        }

        return candidates;
    }

    /// <summary>The three-letter words one letter from a folded two-letter word the index does not hold (قع: تقع, وقع,
    /// قعد …), likeliest first: a dropped letter, the commonest slip, is what makes a short word no word.</summary>
    public IReadOnlyList<WordCorrection> CandidatesForTwoLetters(string folded)
    {
        _twoLetters ??= new Dictionary<string, List<WordCorrection>>(StringComparer.Ordinal);
        if (!_twoLetters.TryGetValue(folded, out var candidates))
        {
            candidates = folded.Length != MinWordLength - 1 ? [] : [.. Vocabulary.Near(folded, maxEdits: 1, ArabicEditDistance.EditCost)
                .Where(candidate => candidate.Word.Length == MinWordLength && KeepsDigits(folded, candidate.Word))
                .Select(Correction)];
            candidates.Sort(Compare);
            _twoLetters[folded] = candidates;
        }

        return candidates;
    }

    /// <summary>
    /// The words one plain edit from a folded word whose stem the index holds but not this form of it (الغوطت, whose
    /// stem is in some article by mistake; وبحكوماتهم, a correct form no article used), likeliest first.
    /// </summary>
    public IReadOnlyList<WordCorrection> CandidatesForUnseenForm(string folded)
    {
        _unseenForms ??= new Dictionary<string, List<WordCorrection>>(StringComparer.Ordinal);
        if (!_unseenForms.TryGetValue(folded, out var candidates))
        {
            candidates = NearWords(folded, ArabicEditDistance.EditCost, allowTwoEdits: false);
            candidates.Sort(Compare);
            _unseenForms[folded] = candidates;
        }

        return candidates;
    }

    /// <summary>
    /// For a word whose stem the index holds but not this form of it: a form one cheap slip away (a doubled letter, a
    /// hamza or a spelling variant: at most <see cref="ArabicEditDistance.DroppedHamzaOrDoubledCost"/>); null
    /// otherwise, since an unseen inflection of a known word is most often just that.
    /// </summary>
    public WordCorrection? CorrectUnseenForm(string folded) =>
        CandidatesForUnseenForm(folded).FirstOrDefault(candidate => candidate.Distance <= ArabicEditDistance.DroppedHamzaOrDoubledCost);

    /// <summary>
    /// For a word the index holds in <paramref name="docFreq"/> documents: the likeliest word one edit away that is
    /// at least <see cref="RareWordRatio"/> times more common; null otherwise, so a correctly spelt query is left
    /// alone.
    /// </summary>
    public WordCorrection? CorrectRare(string folded, int docFreq)
    {
        // A word no neighbour can outnumber a hundredfold (a common word of a phrase that finds little) is not looked
        // up: measured, the walk took a quoted pair of common words from 0.3 to 1.4 ms.
        if (folded.Length is < MinWordLength or > MaxWordLength || (long)RareWordRatio * Math.Max(1, docFreq) > Vocabulary.DocCount)
        {
            return null;
        }

        var candidates = Vocabulary.Near(folded, maxEdits: 1, ArabicEditDistance.EditCost)
            .Where(candidate => candidate.DocFreq >= (long)RareWordRatio * Math.Max(1, docFreq) && KeepsDigits(folded, candidate.Word))
            .Select(Correction)
            .ToList();
        candidates.Sort(Compare);
        return candidates.FirstOrDefault();
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

    /// <summary>True for a two-word correction whose pieces some article has side by side, or which splits a particle
    /// off the start.</summary>
    public bool IsAttested(WordCorrection correction) =>
        correction.Words.Count < 2 || correction.Distance < RunTogetherCost + UnattestedPairCost;

    private List<WordCorrection> NearWords(string folded, float maxDistance, bool allowTwoEdits)
    {
        var corrections = new List<WordCorrection>();
        if (folded.Length is < MinWordLength or > MaxWordLength)
        {
            return corrections;
        }

        var near = Vocabulary.Near(folded, maxEdits: 1, maxDistance);
        if (near.Count == 0 && allowTwoEdits && folded.Length >= MinLengthForTwoEdits)
        {
            // Two slips in one word, or a slip beside a hamza seat: rarer, and a wider walk, so only when one edit found
            // nothing, and with the first letter kept, which halves the walk.
            near = Vocabulary.Near(folded, maxEdits: 2, maxDistance, fixedLetters: 1);
        }

        corrections.AddRange(near.Where(candidate => KeepsDigits(folded, candidate.Word)).Select(Correction));
        return corrections;
    }

    /// <summary>True when a candidate holds the typed word's digits, in order, and no other: a number is meant as typed,
    /// and و29 read as و25, or لـ28 as ١٢٨, would be another fact. Both are folded, so Arabic-Indic digits are Latin.</summary>
    private static bool KeepsDigits(string typed, string candidate) =>
        typed.Where(char.IsAsciiDigit).SequenceEqual(candidate.Where(char.IsAsciiDigit));

    /// <summary>
    /// Every split of a word that ran two together: both pieces words the index holds or stop words, not both stop
    /// words; a piece that is no stop word has at least three letters (two-letter words are mostly particles, and
    /// splitting off two letters turns many a name into junk: مايوذر is no مايو ذر). The rarer piece's frequency sets the
    /// cost. Two words no article has side by side cost more, and so does a stop word split off the end, which is as
    /// often an ending (تنتجان is no تنتج ان); a particle run into the word after it (فيالقاهرة) does not.
    /// </summary>
    private List<WordCorrection> RunTogether(string folded)
    {
        var splits = new List<WordCorrection>();
        if (folded.Length > MaxWordLength)
        {
            return splits;
        }

        for (var at = 2; at <= folded.Length - 2; at++)
        {
            var left = folded[..at];
            var right = folded[at..];
            var leftStop = IsStopWord(left) && left != ArticleAndAlef;
            var rightStop = IsStopWord(right);
            if ((leftStop && rightStop) || (!leftStop && left.Length < MinWordLength) || (!rightStop && right.Length < MinWordLength))
            {
                continue;
            }

            var leftFrequency = leftStop ? Vocabulary.DocCount : Vocabulary.DocFreq(left);
            var rightFrequency = leftFrequency == 0 ? 0 : rightStop ? Vocabulary.DocCount : Vocabulary.DocFreq(right);
            if (rightFrequency == 0)
            {
                continue;
            }

            var distance = rightStop || (!leftStop && !Vocabulary.AreAdjacentSomewhere(left, right))
                ? RunTogetherCost + UnattestedPairCost
                : RunTogetherCost;
            var frequency = Math.Min(leftFrequency, rightFrequency);
            splits.Add(new WordCorrection([left, right], distance, frequency, distance - (MathF.Log10(frequency) / FrequencyDigitsPerEdit)));
        }

        return splits;
    }

    private bool IsKnown(string folded) => IsStopWord(folded) || Vocabulary.DocFreq(folded) > 0;

    private static bool IsStopWord(string folded) => ArabicStopWords.Folded.Contains(folded);

    private static WordCorrection Correction(SpellingCandidate candidate) =>
        new([candidate.Word], candidate.Distance, candidate.DocFreq, candidate.Distance - (MathF.Log10(Math.Max(1, candidate.DocFreq)) / FrequencyDigitsPerEdit));

    /// <summary>Lowest cost first; then ordinal order, so the choice never depends on enumeration order.</summary>
    private static int Compare(WordCorrection a, WordCorrection b)
    {
        var byCost = a.Cost.CompareTo(b.Cost);
        return byCost != 0 ? byCost : string.CompareOrdinal(a.ToString(), b.ToString());
    }

    /// <summary>A slip is one edit; a long word may carry a spelling variant beside it (a hamza seat, ة/ه).</summary>
    private static float MaxDistance(int length) =>
        length < MinLengthForTwoEdits ? ArabicEditDistance.EditCost : ArabicEditDistance.EditCost + ArabicEditDistance.VariantCost;
}
