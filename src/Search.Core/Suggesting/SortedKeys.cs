namespace Search.Core.Suggesting;

/// <summary>
/// Folded keys in ordinal order (repeats allowed), for prefix lookups by binary search: every key that starts with a
/// prefix lies in one contiguous range. Immutable; thread-safe.
/// </summary>
internal sealed class SortedKeys(StringPool keys)
{
    public static SortedKeys Empty { get; } = new(StringPool.Empty);

    public int Count => keys.Count;

    public ReadOnlySpan<char> this[int index] => keys[index];

    public long MemoryBytes => keys.MemoryBytes;

    /// <summary>The range [Start, End) of keys that start with <paramref name="prefix"/>; empty when none does.</summary>
    public (int Start, int End) PrefixRange(ReadOnlySpan<char> prefix)
    {
        var start = LowerBound(prefix);

        // Past the range, a key's first prefix.Length characters sort after the prefix.
        int low = start, high = keys.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var key = keys[middle];
            if (key[..Math.Min(key.Length, prefix.Length)].SequenceCompareTo(prefix) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (start, low);
    }

    /// <summary>The first index of <paramref name="key"/>, or −1.</summary>
    public int IndexOf(ReadOnlySpan<char> key)
    {
        var index = LowerBound(key);
        return index < keys.Count && keys[index].SequenceEqual(key) ? index : -1;
    }

    /// <summary>The first index whose key sorts at or after <paramref name="value"/>.</summary>
    private int LowerBound(ReadOnlySpan<char> value)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (keys[middle].SequenceCompareTo(value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
