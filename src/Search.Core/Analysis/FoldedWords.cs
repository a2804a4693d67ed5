using System.Collections.Frozen;

namespace Search.Core.Analysis;

/// <summary>
/// A fixed set of folded words, looked up by a slice of a token's buffer without making a string. Lucene.Net's
/// <c>CharArraySet</c> hashes a slice code point by code point through a generic dictionary: with the stop words and
/// the stemmer's proper nouns (up to five lookups a word) it was 4 % of the indexing thread on the shared articles
/// (perf), and the analyzer benchmark's indexing chain ran at 53 MB/s against the stock chain's 74. Most lookups are
/// of words not in the set (the stemmer asks up to five times a word), so a bit per (first letter, last letter,
/// length) answers most of them before the set is hashed.
/// </summary>
public sealed class FoldedWords
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _longest;
    private readonly ulong[] _shapes = new ulong[ShapeBits / 64];

    private const int ShapeBits = 8192;

    public FoldedWords(IEnumerable<string> words)
    {
        var set = words.ToFrozenSet(StringComparer.Ordinal);
        _bySpan = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = set.Count == 0 ? 0 : set.Max(word => word.Length);
        foreach (var word in set)
        {
            var shape = Shape(word);
            _shapes[shape >> 6] |= 1UL << shape;
        }
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > _longest)
        {
            return false;
        }

        var shape = Shape(word);
        return (_shapes[shape >> 6] & (1UL << shape)) != 0 && _bySpan.Contains(word);
    }

    public bool Contains(char[] buffer, int start, int length) => Contains(buffer.AsSpan(start, length));

    public bool Contains(string word) => Contains(word.AsSpan());

    private static int Shape(ReadOnlySpan<char> word) =>
        word.IsEmpty ? 0 : (int)((((uint)word[0] * 31) + ((uint)word[^1] * 7) + (uint)word.Length) % ShapeBits);
}
