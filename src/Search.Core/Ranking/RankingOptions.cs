using Search.Core.Querying;

namespace Search.Core.Ranking;

/// <summary>How text matches are weighed: BM25 over the whole article text, plus a title bonus, an exact-form bonus,
/// phrase and proximity bonuses. <see cref="K1"/> and <see cref="B"/> are BM25's term-frequency saturation and length
/// normalization.</summary>
public sealed record RankingOptions
{
    /// <summary>Weight of a match in the title, on top of its match in the article text; 0 turns the bonus off.</summary>
    public float TitleBoost { get; init; } = 0.5f;

    /// <summary>Weight of a match on the unstemmed, normalized text: exact word forms outrank mere same-stem ones.</summary>
    public float ExactFormBoost { get; init; } = 1f;

    /// <summary>Extra weight of a quoted phrase over its words.</summary>
    public float PhraseBoost { get; init; } = 1f;

    /// <summary>Weight of consecutive query words found within <see cref="ProximitySlop"/> positions of each other in
    /// keyword and headline queries; 0 (the default) turns it off: measured, it moved headlines away from their stories.</summary>
    public float ProximityBoost { get; init; }

    /// <summary>The proximity weight for a query typed as a question (<see cref="QuestionForm"/>), instead of
    /// <see cref="ProximityBoost"/>: the passage that answers has the question's words together.</summary>
    public float QuestionProximityBoost { get; init; } = 0.3f;

    public int ProximitySlop { get; init; } = 3;

    /// <summary>Also match a word with or without a one-letter proclitic when the index shows both are one word.</summary>
    public bool ProcliticVariants { get; init; } = true;

    /// <summary>Also match a present-tense verb (يعلن) with its past forms (أعلن) when the index shows them as common.</summary>
    public bool VerbVariants { get; init; } = true;

    /// <summary>Also match a dual (الطرفان) with its singular when the index shows it as common and holds the dual's
    /// other case (الطرفين).</summary>
    public bool DualVariants { get; init; } = true;

    /// <summary>Also match a word ending in ا (the accusative عضوا، رسميا; a place name سوريا) with the word without it
    /// when the index shows that as common.</summary>
    public bool AlifEndingVariants { get; init; } = true;

    /// <summary>Weight of a match on another spelling the newsrooms write a name or borrowed word in (ترمب for ترامب,
    /// أميركا for أمريكا: <see cref="Analysis.ArabicNameSpellings"/>), against the spelling typed; 0 turns it off.</summary>
    public float OtherSpellingWeight { get; init; } = 0.5f;

    /// <summary>Match a word the index has never seen (a typing slip, another transliteration of a name, two words
    /// run together) also with its likeliest correction from the index vocabulary (<see cref="Spelling.SpellingCorrector"/>).</summary>
    public bool CorrectUnknownWords { get; init; } = true;

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.75f;
}
