namespace Search.Core.Suggesting;

/// <summary>
/// Many short strings packed into one character array with their start offsets: about 2 bytes a character and 4 an
/// entry, where a string object costs 22 bytes of header and padding on its own. Immutable once built; thread-safe.
/// </summary>
internal sealed class StringPool
{
    private readonly char[] _chars;
    private readonly int[] _starts;

    private StringPool(char[] chars, int[] starts)
    {
        _chars = chars;
        _starts = starts;
    }

    public static StringPool Empty { get; } = new([], [0]);

    public int Count => _starts.Length - 1;

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Bytes the pool's arrays take.</summary>
    public long MemoryBytes => (2L * _chars.Length) + (4L * _starts.Length);

    /// <summary>Packs <paramref name="count"/> strings, in the order <paramref name="item"/> gives them.</summary>
    public static StringPool Pack(int count, Func<int, string> item)
    {
        var starts = new int[count + 1];
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = total;
            total += item(i).Length;
        }

        starts[count] = total;
        var chars = new char[total];
        for (var i = 0; i < count; i++)
        {
            item(i).CopyTo(chars.AsSpan(starts[i]));
        }

        return new StringPool(chars, starts);
    }
}
