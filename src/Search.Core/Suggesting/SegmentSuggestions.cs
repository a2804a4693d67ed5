namespace Search.Core.Suggesting;

/// <summary>
/// Everything one segment offers suggestions from, built once per segment core from the stored titles
/// (<see cref="SegmentSuggestionsBuilder"/>) and kept until the segment is merged away: its words, its phrases and
/// its titles, and for each article which words and phrases it added, so that deleting it can be taken back
/// (<see cref="DeletedCounts"/>) without a rebuild. Immutable; thread-safe.
/// </summary>
internal sealed class SegmentSuggestions(
    CountedTable words,
    CountedTable phrases,
    TitleTable titles,
    int[] docStarts,
    int[] docEntries,
    float[] docFreshness,
    long referenceSeconds,
    TimeSpan buildTime)
{
    public CountedTable Words => words;

    public CountedTable Phrases => phrases;

    public TitleTable Titles => titles;

    /// <summary>The newest story's time in Unix seconds (0 when none is dated): the recency weights are against it.</summary>
    public long ReferenceSeconds => referenceSeconds;

    public int MaxDoc => docStarts.Length - 1;

    /// <summary>How long the build took, for the benchmark and the logs.</summary>
    public TimeSpan BuildTime => buildTime;

    /// <summary>The bytes this segment's suggestions hold (arrays only; object headers aside).</summary>
    public long MemoryBytes =>
        words.MemoryBytes + phrases.MemoryBytes + titles.MemoryBytes + (4L * docStarts.Length) + (4L * docEntries.Length) + (4L * docFreshness.Length);

    /// <summary>What article <paramref name="doc"/> added: word ordinals as they are, phrase ordinals as their
    /// complement (<c>~ordinal</c>, negative).</summary>
    public ReadOnlySpan<int> EntriesOf(int doc) => docEntries.AsSpan(docStarts[doc], docStarts[doc + 1] - docStarts[doc]);

    /// <summary>The recency weight article <paramref name="doc"/> added to each of its entries.</summary>
    public float FreshnessOf(int doc) => docFreshness[doc];
}
