namespace Search.Core.Spelling;

/// <summary>
/// An edit distance that knows how Arabic is mistyped: an edit costs 1 (a letter inserted, deleted or replaced), two
/// neighbouring letters swapped <see cref="TranspositionCost"/> (the optimal string alignment variant of
/// Damerau–Levenshtein), except the slips and spelling variants every Arabic reader forgives, which cost less: a hamza
/// seat for another (ا أ إ آ ء ؤ ئ, and ؤ/و, ئ/ي, and ء for either seat letter, since the index folds ؤ and ئ to ء), ة
/// for ه, ى for ي (<see cref="VariantCost"/>); a hamza on the line left out or a letter doubled or undoubled
/// (<see cref="DroppedHamzaOrDoubledCost"/>); a letter replaced by one whose key touches it on the standard Arabic
/// keyboard (<see cref="KeyboardNeighbourCost"/>) or by one that sounds alike (<see cref="SoundAlikeCost"/>). Pure
/// functions, safe from any thread.
/// </summary>
public static class ArabicEditDistance
{
    public const float EditCost = 1f;

    /// <summary>Spellings in use side by side (مسؤول/مسئول, هيئة/هيئه, مستشفى/مستشفي): barely a change.</summary>
    public const float VariantCost = 0.3f;

    /// <summary>A hamza on the line dropped (ابناء/ابنا) or a letter typed twice (الحكوومة): half an edit.</summary>
    public const float DroppedHamzaOrDoubledCost = 0.5f;

    /// <summary>A finger one key off: more likely than any other replacement, less than a spelling variant.</summary>
    public const float KeyboardNeighbourCost = 0.6f;

    /// <summary>
    /// A letter written for one that sounds alike: the emphatic for the plain consonant or back (ص/س, ض/د, ط/ت, ظ/ذ),
    /// and the interdentals as most dialects say them (ث as ت or س, ذ as د or ز, ظ as ض or ز). Writers who spell by
    /// ear make these more than any other substitution; as likely as a finger one key off.
    /// </summary>
    public const float SoundAlikeCost = 0.6f;

    /// <summary>Two neighbouring letters typed in the wrong order: the commonest typing slip after a letter dropped,
    /// and no other word's spelling. Measured at 0.8 against 1, on queries with one such swap: MRR@10 +0.012 (XQuAD),
    /// +0.009 (ARCD), +0.007 and 0 (headlines), nothing else moving.</summary>
    public const float TranspositionCost = 0.8f;

    /// <summary>Longest words compared; longer ones are no words a speller should meddle with (and stay on the stack).</summary>
    public const int MaxLength = 64;

    private const string HamzaSeats = "اأإآءؤئ";

    /// <summary>
    /// The cheapest series of edits that turns <paramref name="a"/> into <paramref name="b"/>; a value above
    /// <paramref name="limit"/> (not necessarily the exact distance) once every alignment costs more than it.
    /// </summary>
    public static float Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b, float limit = float.MaxValue)
    {
        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return float.PositiveInfinity;
        }

        if (Math.Abs(a.Length - b.Length) * DroppedHamzaOrDoubledCost > limit)
        {
            return float.PositiveInfinity;
        }

        // Three rows of the dynamic programme: two back for transpositions.
        var width = b.Length + 1;
        Span<float> rows = stackalloc float[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            previous[j] = previous[j - 1] + IndelCost(b, j - 1);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + IndelCost(a, i - 1);
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Math.Min(
                    previous[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]),
                    Math.Min(previous[j] + IndelCost(a, i - 1), current[j - 1] + IndelCost(b, j - 1)));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2])
                {
                    cost = Math.Min(cost, before[j - 2] + TranspositionCost);
                }

                current[j] = cost;
                rowMinimum = Math.Min(rowMinimum, cost);
            }

            if (rowMinimum > limit)
            {
                return float.PositiveInfinity;
            }

            // Rotate: the oldest row becomes the next one to fill.
            var oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }

    /// <summary>What replacing <paramref name="x"/> by <paramref name="y"/> costs.</summary>
    public static float SubstitutionCost(char x, char y)
    {
        if (x == y)
        {
            return 0;
        }

        if (AreVariants(x, y))
        {
            return VariantCost;
        }

        return ArabicKeyboard.AreNeighbours(x, y) ? KeyboardNeighbourCost
            : AreSoundAlike(x, y) ? SoundAlikeCost
            : EditCost;
    }

    /// <summary>True for two letters that sound alike (<see cref="SoundAlikeCost"/>).</summary>
    public static bool AreSoundAlike(char x, char y) =>
        Pair(x, y, 'ص', 'س')
        || Pair(x, y, 'ض', 'د')
        || Pair(x, y, 'ط', 'ت')
        || Pair(x, y, 'ظ', 'ذ')
        || Pair(x, y, 'ظ', 'ض')
        || Pair(x, y, 'ظ', 'ز')
        || Pair(x, y, 'ث', 'ت')
        || Pair(x, y, 'ث', 'س')
        || Pair(x, y, 'ذ', 'د')
        || Pair(x, y, 'ذ', 'ز');

    /// <summary>True for two spellings of one letter: hamza seats, ة/ه, ى/ي.</summary>
    public static bool AreVariants(char x, char y) =>
        (HamzaSeats.Contains(x) && HamzaSeats.Contains(y))
        || Pair(x, y, 'ؤ', 'و')
        || Pair(x, y, 'ئ', 'ي')
        || Pair(x, y, 'ئ', 'ى')

        // The folded forms of ؤ and ئ: the vocabulary holds مسءول for مسؤول, and مسوول is still its seat left bare.
        || Pair(x, y, 'ء', 'و')
        || Pair(x, y, 'ء', 'ي')
        || Pair(x, y, 'ء', 'ى')
        || Pair(x, y, 'ة', 'ه')
        || Pair(x, y, 'ى', 'ي');

    /// <summary>What inserting or deleting <paramref name="word"/>[<paramref name="at"/>] costs: less for a hamza on
    /// the line or a letter beside its double.</summary>
    private static float IndelCost(ReadOnlySpan<char> word, int at)
    {
        var c = word[at];
        var doubled = (at > 0 && word[at - 1] == c) || (at + 1 < word.Length && word[at + 1] == c);
        return doubled || c == 'ء' ? DroppedHamzaOrDoubledCost : EditCost;
    }

    private static bool Pair(char x, char y, char first, char second) => (x == first && y == second) || (x == second && y == first);
}
