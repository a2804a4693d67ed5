namespace Search.Core.Querying;

/// <summary>How text matches are weighed. Field boosts multiply BM25 scores per field; <see cref="K1"/> and
/// <see cref="B"/> are BM25's term-frequency saturation and length normalization.</summary>
public sealed record RankingOptions
{
    public float TitleBoost { get; init; } = 3f;

    public float LeadBoost { get; init; } = 1.5f;

    public float BodyBoost { get; init; } = 1f;

    /// <summary>Weight of a match on the unstemmed, normalized text: exact word forms outrank mere same-stem ones.</summary>
    public float ExactFormBoost { get; init; } = 0.5f;

    /// <summary>Extra weight of a quoted phrase over its words.</summary>
    public float PhraseBoost { get; init; } = 2f;

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.75f;
}
