namespace Search.Core.Suggesting;

/// <summary>What the suggestions of an index snapshot hold, for operators and the benchmark.</summary>
/// <param name="Segments">Segments in the snapshot.</param>
/// <param name="Documents">Articles in them, deleted ones included.</param>
/// <param name="Words">Distinct folded words, summed over segments.</param>
/// <param name="Phrases">Distinct phrases kept, summed over segments.</param>
/// <param name="Titles">Titles kept (one per article).</param>
/// <param name="MemoryBytes">Bytes of the arrays holding them.</param>
/// <param name="BuildTime">The time the segments' builds took, summed (each built once, whoever asked first).</param>
public sealed record SuggestionStatistics(int Segments, int Documents, int Words, int Phrases, int Titles, long MemoryBytes, TimeSpan BuildTime);
