using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Spelling;

/// <summary>
/// One segment's words (the exact forms of its <see cref="Documents.NewsFields.Text"/> field, folded, without
/// <see cref="ExactFormRepeatFilter.Marker"/>) as a trie in three flat arrays, with each word's document frequency, for
/// finding the words a few edits from a typed one. A walk computes the edit distance row by row down the trie and
/// leaves a branch once every cell of its row is over the limit, so it sees only the part of the vocabulary within
/// reach. Measured on the shared corpus (240,000 words, one segment): a two-edit lookup 2–4 ms through Lucene's
/// Levenshtein automaton (most of it building and compiling the automaton), against well under a millisecond here,
/// for about 10 bytes a trie node. Immutable, so thread-safe.
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
    public void CollectNear(string fixedPart, ReadOnlySpan<char> pattern, int maxEdits, int highestLetter, Dictionary<string, int> found)
    {
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

    /// <summary>One lookup's state: a row of edit distances per depth below the start node, and the letters on the way.</summary>
    private sealed class Walk
    {
        private readonly WordTrie _trie;
        private readonly string _fixedPart;
        private readonly char[] _pattern;
        private readonly int _maxEdits;
        private readonly int _highestLetter;
        private readonly Dictionary<string, int> _found;
        private readonly int _width;
        private readonly int[] _rows;
        private readonly char[] _path;

        public Walk(WordTrie trie, string fixedPart, ReadOnlySpan<char> pattern, int maxEdits, int highestLetter, Dictionary<string, int> found)
        {
            _trie = trie;
            _fixedPart = fixedPart;
            _pattern = pattern.ToArray();
            _maxEdits = maxEdits;
            _highestLetter = highestLetter;
            _found = found;
            _width = pattern.Length + 1;

            // No word longer than the pattern by more than the edits allowed is within reach.
            var depths = pattern.Length + maxEdits + 1;
            _rows = new int[depths * _width];
            _path = new char[depths];
            for (var j = 0; j < _width; j++)
            {
                _rows[j] = j;
            }
        }

        public void Visit(int start)
        {
            if (_trie._docFreqs[start] > 0 && _pattern.Length <= _maxEdits)
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
                if (letter > _highestLetter && Array.IndexOf(_pattern, letter) < 0)
                {
                    continue;
                }

                _path[depth] = letter;
                var closest = FillRow(depth + 1, letter);
                if (closest > _maxEdits)
                {
                    continue;
                }

                if (trie._docFreqs[child] > 0 && _rows[((depth + 1) * _width) + _width - 1] <= _maxEdits)
                {
                    Add(child, depth + 1);
                }

                if (depth + 2 < _rows.Length / _width)
                {
                    Descend(child, depth + 1);
                }
            }
        }

        /// <summary>Row <paramref name="i"/> of the distances between the path's first i letters and each prefix of the
        /// pattern; returns its smallest cell, below which no longer path through this node can come.</summary>
        private int FillRow(int i, char letter)
        {
            var rows = _rows;
            var pattern = _pattern;
            var row = i * _width;
            var above = row - _width;
            var twoAbove = above - _width;
            var previous = i >= 2 ? _path[i - 2] : '\0';
            rows[row] = i;
            var closest = i;
            for (var j = 1; j < _width; j++)
            {
                var cost = pattern[j - 1] == letter ? 0 : 1;
                var best = Math.Min(Math.Min(rows[above + j] + 1, rows[row + j - 1] + 1), rows[above + j - 1] + cost);
                if (i >= 2 && j >= 2 && letter == pattern[j - 2] && previous == pattern[j - 1] && letter != previous)
                {
                    best = Math.Min(best, rows[twoAbove + j - 2] + 1);
                }

                rows[row + j] = best;
                closest = Math.Min(closest, best);
            }

            return closest;
        }

        private void Add(int node, int depth)
        {
            var word = string.Concat(_fixedPart, new ReadOnlySpan<char>(_path, 0, depth));
            _found[word] = _found.GetValueOrDefault(word) + _trie._docFreqs[node];
        }
    }
}
