namespace Search.Core.Spelling;

/// <summary>A word of the index vocabulary near a typed word.</summary>
/// <param name="Word">The folded word, as the index holds its exact form (without the marker).</param>
/// <param name="Distance">Its <see cref="ArabicEditDistance"/> from the typed word.</param>
/// <param name="DocFreq">Documents that hold it.</param>
public readonly record struct SpellingCandidate(string Word, float Distance, int DocFreq);
