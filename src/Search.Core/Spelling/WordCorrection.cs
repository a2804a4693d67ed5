namespace Search.Core.Spelling;

/// <summary>What a typed word most likely should have been.</summary>
/// <param name="Words">The folded word, or two words when the typed one ran two together (معدلاتالانتحار).</param>
/// <param name="Distance">The edits it takes, weighted by <see cref="ArabicEditDistance"/> (leaving out a space counts
/// as one).</param>
/// <param name="DocFreq">Documents holding the word (the rarer of two; a stop word, which the index does not hold,
/// counts as every document).</param>
/// <param name="Cost">The distance less what the frequency vouches for: lower is likelier
/// (<see cref="SpellingCorrector"/>).</param>
public sealed record WordCorrection(IReadOnlyList<string> Words, float Distance, int DocFreq, float Cost)
{
    /// <summary>The words as one string, one space between.</summary>
    public override string ToString() => string.Join(' ', Words);
}
