using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Spelling;

/// <summary>
/// One segment's words (the exact forms of its <see cref="Documents.NewsFields.Text"/> field, folded, without
/// <see cref="ExactFormRepeatFilter.Marker"/>) as a trie in three flat arrays, with each word's document frequency, for
/// finding the words a few edits from a typed one. A walk tracks, down the trie, which prefixes of the typed word are
/// within reach, and leaves a branch once none is, so it sees only the part of the vocabulary near the word. Measured
/// on the shared corpus (240,000 words, one segment, 4.6 MB, built in about 0.2 s), hot, seven unknown words of the
/// XQuAD questions: one edit 0.03–0.06 ms, two edits with the first letter kept 0.08–0.25 ms, where Lucene's
/// Levenshtein automaton over the term dictionary took 0.25–0.67 and 0.9–2.0 ms (most of it building and compiling the
/// automaton for each word). Immutable, so thread-safe.
/// </summary>
internal sealed class WordTrie
{
    private readonly char[] _letters;
    private readonly int[] _firstChild;
    private readonly int[] _docFreqs;

    /// <param name="letters">Per node, the letter on the edge into it (the root's is unused).</param>
    /// <param name="firstChild">Per node, its first child; the children of node n are the nodes from firstChild[n]
    /// up to firstChild[n + 1], in letter order (breadth-first numbering keeps them together). One entry more than nodes.</param>
    /// <param name="docFreqs">Per node, the documents holding the word that ends there; 0 when none ends there.</param>
    private WordTrie(char[] letters, int[] firstChild, int[] docFreqs, int words)
    {
        _letters = letters;
        _firstChild = firstChild;
        _docFreqs = docFreqs;
        Words = words;
    }

    public static WordTrie Empty { get; } = new([default], [1, 1], [0], 0);

    /// <summary>The longest pattern a walk takes: its prefixes, the empty one too, are the bits of one 64-bit word.</summary>
    public const int MaxPatternLength = 63;

    /// <summary>Words held.</summary>
    public int Words { get; }

    /// <summary>What the arrays take.</summary>
    public long MemoryBytes => (_letters.Length * sizeof(char)) + ((long)(_firstChild.Length + _docFreqs.Length) * sizeof(int));

    /// <summary>
    /// The exact forms of a segment's text field. Words with a character outside the Basic Multilingual Plane are left
    /// out: an edit brings in nothing past the Arabic block, so no word typed in that plane's letters alone reaches them,
    /// and the trie can hold UTF-16 letters.
    /// </summary>
    public static WordTrie Of(AtomicReader segment)
    {
        if (segment.GetTerms(Documents.NewsFields.Text) is not { } terms)
        {
            return Empty;
        }

        var words = new List<string>();
        var docFreqs = new List<int>();
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(new BytesRef(ExactFormRepeatFilter.Marker.ToString())) == TermsEnum.SeekStatus.END)
        {
            return Empty;
        }

        var chars = new CharsRef();
        do
        {
            var term = enumerator.Term;
            if (term.Length == 0 || term.Bytes[term.Offset] != (byte)ExactFormRepeatFilter.Marker)
            {
                break;
            }

            UnicodeUtil.UTF8toUTF16(term.Bytes, term.Offset + 1, term.Length - 1, chars);
            var word = new ReadOnlySpan<char>(chars.Chars, chars.Offset, chars.Length);
            if (word.Length > 0 && !word.ContainsAnyInRange('\uD800', '\uDFFF'))
            {
                words.Add(word.ToString());
                docFreqs.Add(enumerator.DocFreq);
            }
        }
        while (enumerator.MoveNext());

        return Build(words, docFreqs);
    }

    /// <summary>A trie of distinct words (no surrogates) with their document frequencies.</summary>
    internal static WordTrie Build(List<string> words, List<int> docFreqs)
    {
        // The terms come in UTF-8 order, which is UTF-16 order for words without surrogates; sorted again only if not.
        if (!IsSorted(words))
        {
            var order = Enumerable.Range(0, words.Count).OrderBy(i => words[i], StringComparer.Ordinal).ToArray();
            words = [.. order.Select(i => words[i])];
            docFreqs = [.. order.Select(i => docFreqs[i])];
        }

        var letters = new List<char>(words.Count * 3) { default };
        var firstChild = new List<int>(words.Count * 3);
        var frequencies = new List<int>(words.Count * 3) { 0 };

        // Breadth first: node n covers the words from Start to End, which share their first Depth letters.
        var ranges = new Queue<(int Start, int End, int Depth)>();
        ranges.Enqueue((0, words.Count, 0));
        for (var node = 0; ranges.TryDequeue(out var range); node++)
        {
            var (start, end, depth) = range;
            if (start < end && words[start].Length == depth)
            {
                // Ordinal order puts a word before the longer words it begins.
                frequencies[node] = docFreqs[start];
                start++;
            }

            firstChild.Add(letters.Count);
            while (start < end)
            {
                var letter = words[start][depth];
                var last = start + 1;
                while (last < end && words[last][depth] == letter)
                {
                    last++;
                }

                letters.Add(letter);
                frequencies.Add(0);
                ranges.Enqueue((start, last, depth + 1));
                start = last;
            }
        }

        firstChild.Add(letters.Count);
        return new WordTrie([.. letters], [.. firstChild], [.. frequencies], words.Count);
    }

    /// <summary>
    /// Adds to <paramref name="found"/> (word → documents, summed over calls, so over segments) every word that begins
    /// with <paramref name="fixedPart"/> and whose rest is at most <paramref name="maxEdits"/> edits from
    /// <paramref name="pattern"/>: an insertion, deletion, substitution or swap of two neighbours each, with no letter
    /// edited twice (Lucene's Levenshtein automaton with transpositions: the optimal string alignment distance). A
    /// letter above <paramref name="highestLetter"/> that the pattern lacks is never inserted or substituted. The
    /// pattern itself is found too, when held.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pattern is longer than <see cref="MaxPatternLength"/>.</exception>
    public void CollectNear(string fixedPart, ReadOnlySpan<char> pattern, int maxEdits, int highestLetter, Dictionary<string, int> found)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pattern.Length, MaxPatternLength);
        var node = 0;
        foreach (var letter in fixedPart)
        {
            node = Child(node, letter);
            if (node < 0)
            {
                return;
            }
        }

        var walk = new Walk(this, fixedPart, pattern, maxEdits, highestLetter, found);
        walk.Visit(node);
    }

    private int Child(int node, char letter)
    {
        var index = Array.BinarySearch(_letters, _firstChild[node], _firstChild[node + 1] - _firstChild[node], letter);
        return index >= 0 ? index : -1;
    }

    private static bool IsSorted(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (string.CompareOrdinal(words[i - 1], words[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One lookup's state: per depth below the start node and per number of edits d, the set of pattern prefixes
    /// within d edits of the letters on the way, as the bits of one word (Wu and Manber's bit-parallel matching, with
    /// Hyyrö's swap step): a letter costs a few shifts and ands for each d, where a row of distances cost a step per
    /// pattern letter (measured: 28 → 8 ns a node).
    /// </summary>
    private sealed class Walk
    {
        /// <summary>The first letter with its own slot in <see cref="_arabicMasks"/>.</summary>
        private const char ArabicBlock = '\u0600';

        private readonly WordTrie _trie;
        private readonly string _fixedPart;
        private readonly string _pattern;
        private readonly int _maxEdits;
        private readonly int _highestLetter;
        private readonly Dictionary<string, int> _found;
        private readonly ulong _end;
        private readonly ulong _all;
        private readonly int _depths;

        /// <summary>Per letter of the Arabic block, the pattern positions holding it (bit j: letter j, from 1).</summary>
        private readonly ulong[] _arabicMasks = new ulong[256];

        /// <summary>Per depth i and edits d, at [i * (maxEdits + 1) + d]: bit j set when the pattern's first j
        /// letters are at most d edits from the path's first i.</summary>
        private readonly ulong[] _reach;
        private readonly char[] _path;

        public Walk(WordTrie trie, string fixedPart, ReadOnlySpan<char> pattern, int maxEdits, int highestLetter, Dictionary<string, int> found)
        {
            _trie = trie;
            _fixedPart = fixedPart;
            _pattern = pattern.ToString();
            _maxEdits = maxEdits;
            _highestLetter = highestLetter;
            _found = found;
            _end = 1UL << pattern.Length;
            _all = (_end << 1) - 1;
            for (var j = 0; j < pattern.Length; j++)
            {
                if (pattern[j] - ArabicBlock is >= 0 and < 256)
                {
                    _arabicMasks[pattern[j] - ArabicBlock] |= 2UL << j;
                }
            }

            // No word longer than the pattern by more than the edits allowed is within reach.
            _depths = pattern.Length + maxEdits + 1;
            _reach = new ulong[_depths * (maxEdits + 1)];
            _path = new char[_depths];
            for (var d = 0; d <= maxEdits; d++)
            {
                // Before any letter, prefix j is j deletions away.
                _reach[d] = (d >= 63 ? ulong.MaxValue : (2UL << d) - 1) & _all;
            }
        }

        public void Visit(int start)
        {
            if (_trie._docFreqs[start] > 0 && (_reach[_maxEdits] & _end) != 0)
            {
                Add(start, 0);
            }

            Descend(start, 0);
        }

        private void Descend(int node, int depth)
        {
            var trie = _trie;
            var end = trie._firstChild[node + 1];
            for (var child = trie._firstChild[node]; child < end; child++)
            {
                var letter = trie._letters[child];
                var mask = MaskOf(letter);
                if (mask == 0 && letter > _highestLetter)
                {
                    continue;
                }

                _path[depth] = letter;
                if (!Step(depth + 1, letter, mask))
                {
                    continue;
                }

                if (trie._docFreqs[child] > 0 && (_reach[((depth + 1) * (_maxEdits + 1)) + _maxEdits] & _end) != 0)
                {
                    Add(child, depth + 1);
                }

                if (depth + 2 < _depths)
                {
                    Descend(child, depth + 1);
                }
            }
        }

        /// <summary>Fills depth <paramref name="i"/>'s sets from the depth above; false when no pattern prefix is
        /// within reach, so no longer path through this node can be either.</summary>
        private bool Step(int i, char letter, ulong mask)
        {
            var reach = _reach;
            var width = _maxEdits + 1;
            var row = i * width;
            var above = row - width;
            var swapped = 0UL;
            if (i >= 2)
            {
                // Prefix j ends in the swap of the path's last two letters: p[j - 1] is this letter, p[j] the one before.
                swapped = (mask << 1) & MaskOf(_path[i - 2]);
            }

            var current = (reach[above] << 1) & mask;
            reach[row] = current;
            for (var d = 1; d < width; d++)
            {
                var fewer = reach[above + d - 1];
                var next = ((reach[above + d] << 1) & mask) // a match
                    | fewer // a letter of the path left out of the pattern
                    | (fewer << 1) // a letter replaced
                    | (current << 1) // a pattern letter missing from the path
                    | current;
                if (i >= 2)
                {
                    next |= (reach[above - width + d - 1] << 2) & swapped;
                }

                if (i <= d)
                {
                    next |= 1;
                }

                // Shifts carry bits past the pattern's end: they stand for no prefix.
                current = next & _all;
                reach[row + d] = current;
            }

            return current != 0;
        }

        private ulong MaskOf(char letter)
        {
            if (letter - ArabicBlock is >= 0 and < 256)
            {
                return _arabicMasks[letter - ArabicBlock];
            }

            var mask = 0UL;
            for (var j = _pattern.IndexOf(letter); j >= 0; j = _pattern.IndexOf(letter, j + 1))
            {
                mask |= 2UL << j;
            }

            return mask;
        }

        private void Add(int node, int depth)
        {
            var word = string.Concat(_fixedPart, new ReadOnlySpan<char>(_path, 0, depth));
            _found[word] = _found.GetValueOrDefault(word) + _trie._docFreqs[node];
        }
    }
}
