namespace Search.Core.Suggesting;

/// <summary>
/// What deleted articles added to a <see cref="CountedTable"/>, by ordinal in ascending order, to subtract at query
/// time: a range scan walks it in step with the table. Immutable; thread-safe.
/// </summary>
internal sealed class CountAdjustments(int[] ordinals, int[] counts, double[] freshness)
{
    public static CountAdjustments None { get; } = new([], [], []);

    public int Length => ordinals.Length;

    public int Ordinal(int index) => ordinals[index];

    public int Count(int index) => counts[index];

    public double Freshness(int index) => freshness[index];

    /// <summary>The first index whose ordinal is at least <paramref name="ordinal"/>.</summary>
    public int LowerBound(int ordinal)
    {
        var index = Array.BinarySearch(ordinals, ordinal);
        return index >= 0 ? index : ~index;
    }

    /// <summary>What deleted articles added to <paramref name="ordinal"/>; zeros when none did.</summary>
    public (int Count, double Freshness) Of(int ordinal)
    {
        var index = Array.BinarySearch(ordinals, ordinal);
        return index >= 0 ? (counts[index], freshness[index]) : (0, 0);
    }

    /// <summary>Sums per-ordinal contributions into an adjustment list.</summary>
    public static CountAdjustments From(Dictionary<int, (int Count, double Freshness)> byOrdinal)
    {
        if (byOrdinal.Count == 0)
        {
            return None;
        }

        var ordinals = byOrdinal.Keys.Order().ToArray();
        return new CountAdjustments(
            ordinals,
            ordinals.Select(ordinal => byOrdinal[ordinal].Count).ToArray(),
            ordinals.Select(ordinal => byOrdinal[ordinal].Freshness).ToArray());
    }
}
