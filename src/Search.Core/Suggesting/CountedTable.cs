namespace Search.Core.Suggesting;

/// <summary>
/// One segment's words or phrases: folded keys sorted for prefix lookup, and for each the articles holding it
/// (deleted ones included; see <see cref="DeletedCounts"/>), the sum of their recency weights against the segment's
/// newest story (<see cref="Freshness"/>), and the form the titles most often write it in. Immutable; thread-safe.
/// </summary>
internal sealed class CountedTable(SortedKeys keys, int[] counts, float[] freshness, StringPool forms)
{
    public static CountedTable Empty { get; } = new(SortedKeys.Empty, [], [], StringPool.Empty);

    public SortedKeys Keys => keys;

    public int Count(int ordinal) => counts[ordinal];

    public float Freshness(int ordinal) => freshness[ordinal];

    public ReadOnlySpan<char> Form(int ordinal) => forms[ordinal];

    public long MemoryBytes => keys.MemoryBytes + (4L * counts.Length) + (4L * freshness.Length) + forms.MemoryBytes;
}
