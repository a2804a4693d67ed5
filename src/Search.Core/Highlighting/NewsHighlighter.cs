using System.Buffers;
using System.Text;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Ranking;

namespace Search.Core.Highlighting;

/// <summary>
/// Marks query matches in stored text with <c>&lt;mark&gt;</c> and picks the best snippets. The text is analyzed once,
/// unstemmed, and each token's stem computed beside it, so a token matches by stem (الاتصالات marks والاتصالات), by
/// prefix (اتصا*) or as part of a phrase occurrence, and the whole surface word is marked through its offsets. Everything
/// outside the marks is HTML-escaped with <see cref="HtmlEscaper"/>. Thread-safe.
/// </summary>
/// <remarks>Lucene's highlighters each lack one of these: prefix matches on a stemmed field, readable Arabic escaping, or
/// sentence boundaries for Arabic punctuation.</remarks>
public sealed class NewsHighlighter(Analyzer exactAnalyzer, ArabicNewsStemmer stemmer)
{
    private const int MaxCandidateWindows = 64;
    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    /// <summary>The whole text, escaped, with every match marked.</summary>
    public string HighlightAll(string text, HighlightTerms terms)
    {
        using var words = Match(text, terms);
        var output = new StringBuilder(text.Length + 32);
        Render(output, text, words, 0, text.Length);
        return output.ToString();
    }

    /// <summary>
    /// Up to <paramref name="maxSnippets"/> passages of about <paramref name="fragmentLength"/> characters, in text order,
    /// chosen for the most distinct matched words; empty when nothing in the text matches.
    /// </summary>
    public IReadOnlyList<string> Snippets(string text, HighlightTerms terms, int maxSnippets, int fragmentLength)
    {
        using var words = Match(text, terms);
        var candidates = new List<(int Start, int End, double Score)>();
        for (var i = 0; i < words.Count && candidates.Count < MaxCandidateWindows; i++)
        {
            if (words.Matched[i] is null)
            {
                continue;
            }

            var start = SnapStart(text, Math.Max(0, words.Spans[i].StartOffset - (fragmentLength / 4)));
            var end = SnapEnd(text, Math.Min(text.Length, start + fragmentLength), words.Spans[i].EndOffset);
            candidates.Add((start, end, ScoreWindow(words, i, start, end)));
        }

        var chosen = new List<(int Start, int End, double Score)>();
        foreach (var candidate in candidates.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Start))
        {
            if (chosen.Count == maxSnippets)
            {
                break;
            }

            if (chosen.All(other => candidate.End <= other.Start || candidate.Start >= other.End))
            {
                chosen.Add(candidate);
            }
        }

        return [.. chosen.OrderBy(window => window.Start).Select(window => RenderSnippet(text, words, window.Start, window.End))];
    }

    /// <summary>The opening of a text, escaped and cut at a word boundary: the snippet of a hit that matched elsewhere.</summary>
    public static string Opening(string text, int fragmentLength)
    {
        var end = text.Length <= fragmentLength ? text.Length : SnapEnd(text, fragmentLength, 0);
        var output = new StringBuilder(end + 8);
        HtmlEscaper.Append(output, text.AsSpan(0, end).Trim());
        if (end < text.Length)
        {
            output.Append('…');
        }

        return output.ToString();
    }

    /// <summary>
    /// Every word of the text, and for each the key of what it matched (a stem, a prefix, a phrase) or null. One pass
    /// over the analyzer's own buffer: a word's stem is computed in place and looked up as characters, so the ten
    /// bodies a page of snippets reads cost no string a word (they were a third of a snippet's allocations).
    /// </summary>
    private TextWords Match(string text, HighlightTerms terms)
    {
        if (terms.IsEmpty)
        {
            return new TextWords(0);
        }

        if (terms.Stems is not HashSet<string> stemSet || !stemSet.TryGetAlternateLookup<ReadOnlySpan<char>>(out var stemLookup))
        {
            stemLookup = new HashSet<string>(terms.Stems, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        // Sized for the text (an Arabic word and the space after it take five characters or more) rather than grown from
        // empty: the doubling copies were a seventh of the bytes a search with snippets allocated.
        var capacity = (text.Length / 5) + 8;
        var words = new TextWords(capacity);
        var stems = terms.Phrases.Count > 0 ? new List<string>(capacity) : null;
        var buffer = new char[64];
        TextAnalysis.Visit(exactAnalyzer, NewsFields.Text, text, (term, position, startOffset, endOffset) =>
        {
            if (buffer.Length < term.Length)
            {
                buffer = new char[term.Length * 2];
            }

            term.CopyTo(buffer);
            var stem = new ReadOnlySpan<char>(buffer, 0, stemmer.Stem(buffer, term.Length));
            stems?.Add(stem.ToString());
            words.Add(new WordSpan(position, startOffset, endOffset), stemLookup.TryGetValue(stem, out var matchedStem) ? matchedStem : MatchedPrefix(terms.Prefixes, stem));
        });

        foreach (var phrase in terms.Phrases)
        {
            MarkPhrase(words, stems!, phrase);
        }

        return words;
    }

    private static string? MatchedPrefix(IReadOnlyList<string> prefixes, ReadOnlySpan<char> stem)
    {
        foreach (var prefix in prefixes)
        {
            if (stem.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    private static void MarkPhrase(TextWords words, List<string> stems, IReadOnlyList<(string Stem, int Offset)> phrase)
    {
        var tokens = words.Spans;
        var matched = words.Matched;
        var key = string.Join(' ', phrase.Select(word => word.Stem));
        for (var i = 0; i < words.Count; i++)
        {
            if (stems[i] != phrase[0].Stem)
            {
                continue;
            }

            var members = new List<int> { i };
            var j = i;
            foreach (var (stem, offset) in phrase.Skip(1))
            {
                var position = tokens[i].Position + offset;
                while (j < words.Count && tokens[j].Position < position)
                {
                    j++;
                }

                if (j == words.Count || tokens[j].Position != position || stems[j] != stem)
                {
                    members.Clear();
                    break;
                }

                members.Add(j);
            }

            foreach (var member in members)
            {
                matched[member] ??= key;
            }
        }
    }

    /// <param name="from">A word inside the window: the scan starts from the first word before it still in the window.</param>
    private static double ScoreWindow(TextWords words, int from, int start, int end)
    {
        var tokens = words.Spans;
        var matched = words.Matched;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        while (from > 0 && tokens[from - 1].StartOffset >= start)
        {
            from--;
        }

        for (var i = from; i < words.Count && tokens[i].StartOffset < end; i++)
        {
            if (matched[i] is { } key && tokens[i].StartOffset >= start && tokens[i].EndOffset <= end)
            {
                distinct.Add(key);
                count++;
            }
        }

        // Distinct words first; repeated ones only break ties; earlier passages win remaining ties (via ThenBy).
        return (distinct.Count * 10) + Math.Min(count, 9);
    }

    private static string RenderSnippet(string text, TextWords words, int start, int end)
    {
        var output = new StringBuilder(end - start + 64);
        if (start > 0)
        {
            output.Append('…');
        }

        Render(output, text, words, start, end);
        if (end < text.Length)
        {
            output.Append('…');
        }

        return output.ToString();
    }

    private static void Render(StringBuilder output, string text, TextWords words, int start, int end)
    {
        var cursor = start;
        for (var i = 0; i < words.Count; i++)
        {
            var token = words.Spans[i];
            if (words.Matched[i] is null || token.StartOffset < start || token.EndOffset > end)
            {
                continue;
            }

            HtmlEscaper.Append(output, text.AsSpan(cursor, token.StartOffset - cursor));
            output.Append(MarkOpen);
            HtmlEscaper.Append(output, text.AsSpan(token.StartOffset, token.EndOffset - token.StartOffset));
            output.Append(MarkClose);
            cursor = token.EndOffset;
        }

        HtmlEscaper.Append(output, text.AsSpan(cursor, end - cursor));
    }

    /// <summary>Where a word stands: its position, for phrases, and its offsets in the text.</summary>
    private readonly record struct WordSpan(int Position, int StartOffset, int EndOffset);

    /// <summary>
    /// A text's words and what each matched, for one call: the arrays are rented and given back at disposal (a body's
    /// words were, with the snippets' strings, most of what a search with snippets allocated: benchmarks/README.md).
    /// Only the first <see cref="Count"/> entries count.
    /// </summary>
    private sealed class TextWords(int capacity) : IDisposable
    {
        public WordSpan[] Spans { get; private set; } = capacity == 0 ? [] : ArrayPool<WordSpan>.Shared.Rent(capacity);

        public string?[] Matched { get; private set; } = capacity == 0 ? [] : ArrayPool<string?>.Shared.Rent(capacity);

        public int Count { get; private set; }

        public void Add(WordSpan span, string? matched)
        {
            if (Count == Spans.Length || Count == Matched.Length)
            {
                Grow();
            }

            Spans[Count] = span;
            Matched[Count] = matched;
            Count++;
        }

        public void Dispose()
        {
            GiveBack();
            (Spans, Matched, Count) = ([], [], 0);
        }

        private void Grow()
        {
            var size = Math.Max(16, Count * 2);
            var spans = ArrayPool<WordSpan>.Shared.Rent(size);
            var matched = ArrayPool<string?>.Shared.Rent(size);
            Array.Copy(Spans, spans, Count);
            Array.Copy(Matched, matched, Count);
            GiveBack();
            (Spans, Matched) = (spans, matched);
        }

        /// <summary>Returns the arrays to the pool, the matches cleared so the pool holds no strings.</summary>
        private void GiveBack()
        {
            if (Spans.Length > 0)
            {
                ArrayPool<WordSpan>.Shared.Return(Spans);
                Array.Clear(Matched, 0, Count);
                ArrayPool<string?>.Shared.Return(Matched);
            }
        }
    }

    /// <summary>Moves a cut forward to the start of a word (after a sentence end when one is close).</summary>
    private static int SnapStart(string text, int start)
    {
        if (start == 0)
        {
            return 0;
        }

        for (var i = start; i < text.Length && i < start + 40; i++)
        {
            if (text[i] is '.' or '؟' or '?' or '!' or '\n' or '؛')
            {
                return SkipSpace(text, i + 1);
            }
        }

        while (start < text.Length && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        return SkipSpace(text, start);
    }

    /// <summary>Moves a cut back to the end of a word, never before <paramref name="minimum"/>.</summary>
    private static int SnapEnd(string text, int end, int minimum)
    {
        if (end >= text.Length)
        {
            return text.Length;
        }

        var snapped = end;
        while (snapped > minimum && !char.IsWhiteSpace(text[snapped]))
        {
            snapped--;
        }

        return snapped > minimum ? snapped : end;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
