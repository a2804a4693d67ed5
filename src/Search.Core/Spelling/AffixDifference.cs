namespace Search.Core.Spelling;

/// <summary>
/// Tells a slip from an inflection: a word the index lacks that differs from a known one only in letters Arabic adds at
/// a word's edges (a proclitic, the future س, a present-tense prefix, a pronoun or plural ending: سألحق / ألحق,
/// نكرهك / تكرهك, موهبتك / موهبته, تهديدان / تهديدات) is most likely a correct form no article happened to use, not a
/// typing slip. Pure functions, safe from any thread.
/// </summary>
public static class AffixDifference
{
    /// <summary>Letters of Arabic prefixes (و ف ب ل ك س, ا ت ن ي of the present tense) and suffixes (ه ك ي ا ن ت و م of
    /// pronouns, plurals, the dual and verb endings), folded.</summary>
    public const string AffixLetters = "وفبلكساتنيهم";

    /// <summary>How far into a word from either edge affixes reach (a conjunction, the future and a tense prefix:
    /// وسأ، فست؛ a pronoun after a plural: اتهم).</summary>
    public const int EdgeLength = 3;

    /// <summary>
    /// True when <paramref name="typed"/> and <paramref name="known"/> (both folded) differ only within
    /// <see cref="EdgeLength"/> letters of the start or of the end, and only in <see cref="AffixLetters"/>, other than
    /// by a letter typed twice. A slip there (a letter of the article dropped) is taken for an inflection too: a
    /// suggestion missed costs less than a correct word "corrected".
    /// </summary>
    public static bool IsOnlyAffixes(string typed, string known)
    {
        var prefix = 0;
        while (prefix < typed.Length && prefix < known.Length && typed[prefix] == known[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < typed.Length - prefix && suffix < known.Length - prefix && typed[^(suffix + 1)] == known[^(suffix + 1)])
        {
            suffix++;
        }

        var typedDifference = typed.AsSpan(prefix, typed.Length - prefix - suffix);
        var knownDifference = known.AsSpan(prefix, known.Length - prefix - suffix);
        var width = Math.Max(typedDifference.Length, knownDifference.Length);
        var atEdge = prefix + width <= EdgeLength || suffix + width <= EdgeLength;
        return width > 0 && atEdge && IsAffix(typedDifference) && IsAffix(knownDifference) && !IsDoublingPastPrefix(typed, known);
    }

    /// <summary>True when one word is the other with a letter typed twice in a row, past the first
    /// <see cref="EdgeLength"/> letters (a letter doubled there is as often a tense prefix: تتصدع / تصدع,
    /// وتتصارع / وتصارع).</summary>
    private static bool IsDoublingPastPrefix(string a, string b)
    {
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        if (longer.Length != shorter.Length + 1)
        {
            return false;
        }

        for (var i = EdgeLength; i < longer.Length; i++)
        {
            if (longer[i] == longer[i - 1] && longer.AsSpan(0, i).SequenceEqual(shorter.AsSpan(0, i)) && longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAffix(ReadOnlySpan<char> letters) => !letters.ContainsAnyExcept(AffixLetters);
}
