namespace Search.Core.Spelling;

/// <summary>What a typed word most likely should have been.</summary>
/// <param name="Words">The folded word, or two words when the typed one ran two together (معدلاتالانتحار).</param>
/// <param name="Cost">Edits (weighted by <see cref="ArabicEditDistance"/>) less what the words' frequency vouches for:
/// lower is likelier (<see cref="SpellingCorrector"/>).</param>
public sealed record WordCorrection(IReadOnlyList<string> Words, float Cost)
{
    /// <summary>The words as one string, one space between.</summary>
    public override string ToString() => string.Join(' ', Words);
}
