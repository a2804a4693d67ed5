namespace Search.LoadTest.Synthetic;

/// <summary>The shape of one real article, in words: a synthetic article copies the shape of a random real one, so
/// the length distribution (and its long tail) follows the corpus exactly.</summary>
/// <param name="LeadRepeatsBody">The lead is the opening of the body, as in most RSS-sourced news.</param>
public readonly record struct LengthProfile(int TitleWords, int LeadWords, int BodyWords, bool LeadRepeatsBody);
