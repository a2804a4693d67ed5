using System.Diagnostics;
using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Documents;

namespace Search.Core.Suggesting;

/// <summary>
/// Builds a segment's <see cref="SegmentSuggestions"/> from its titles (<see cref="SegmentTitles"/>): every title is
/// cut into words and folded (<see cref="SuggestionText"/>); each word that is not a stop word and has two letters or
/// more counts once per article; each run of two or three such words with nothing but spaces between them counts as a
/// phrase (a stop word or punctuation ends a run: "قمة الرياض في أيار" gives "قمة الرياض" alone); and the folded
/// title itself is kept for title completions. In a large segment a first pass counts phrases roughly
/// (<see cref="PhraseSketch"/>), so that only recurring ones are gathered. Deleted articles are included: the result
/// serves every reader of the core, whatever its deletions. Runs on the thread that asks; one build per core.
/// </summary>
internal static class SegmentSuggestionsBuilder
{
    private const int MinWordLength = 2;

    /// <summary>Phrase occurrences a title holds, about: a two-word and a three-word phrase per word.</summary>
    private const int PhrasesPerTitle = 16;

    public static SegmentSuggestions Build(AtomicReader reader, SuggestionOptions options, CancellationToken cancellation = default)
    {
        var started = Stopwatch.GetTimestamp();
        var maxDoc = reader.MaxDoc;
        var (seconds, reference) = PublicationTimes(reader, options.Clock.GetUtcNow().ToUnixTimeSeconds());
        var titles = new SegmentTitles(reader);
        var article = new ArticleWords();
        var recurring = maxDoc >= options.PrunePhrasesFromDocs ? CountPhrases(titles, article, maxDoc, cancellation) : null;
        var words = new CountedTableBuilder();
        var phrases = new CountedTableBuilder();
        var titleKeys = new List<(string Key, int TitleHash, int Doc, float Freshness, int Minute)>(maxDoc);
        var docStarts = new int[maxDoc + 1];
        var docFreshness = new float[maxDoc];
        var entries = new List<int>(maxDoc * 8);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if ((doc & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            docStarts[doc] = entries.Count;
            var freshness = seconds[doc] == long.MinValue ? 0 : Freshness.Decay(seconds[doc], reference, options.RecencyHalfLife);
            docFreshness[doc] = (float)freshness;
            article.Load(titles.Read(doc));
            AddWords(article, words, doc, freshness, entries);
            AddPhrases(article, phrases, recurring, options.MinPhraseCount, doc, freshness, entries);
            var folded = article.FoldedTitle();
            if (!folded.IsEmpty)
            {
                var key = folded[..Math.Min(folded.Length, options.MaxTitleKeyLength)].ToString();
                titleKeys.Add((key, string.GetHashCode(folded), doc, (float)freshness, seconds[doc] == long.MinValue ? TitleTable.Undated : (int)(seconds[doc] / 60)));
            }
        }

        docStarts[maxDoc] = entries.Count;
        var (wordTable, wordOrdinals) = words.Build(minCount: 1);
        var (phraseTable, phraseOrdinals) = phrases.Build(recurring is null ? 1 : options.MinPhraseCount);
        var docEntries = Renumber(entries, docStarts, wordOrdinals, phraseOrdinals);
        return new SegmentSuggestions(
            wordTable,
            phraseTable,
            TitleTable.Build(titleKeys),
            docStarts,
            docEntries,
            docFreshness,
            reference,
            Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A first pass over a large segment's titles that only counts phrases, roughly, so the second gathers
    /// the recurring ones alone.</summary>
    private static PhraseSketch CountPhrases(SegmentTitles titles, ArticleWords article, int maxDoc, CancellationToken cancellation)
    {
        var sketch = new PhraseSketch((long)maxDoc * PhrasesPerTitle);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if ((doc & 255) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            article.Load(titles.Read(doc));
            for (var first = 0; first + 1 < article.Count; first++)
            {
                for (var length = 2; length <= 3 && article.RunsOn(first, length); length++)
                {
                    sketch.Add(article.PhraseKey(first, length));
                }
            }
        }

        return sketch;
    }

    /// <summary>Each article's publication time in Unix seconds (<see cref="long.MinValue"/> when undated), a time after
    /// <paramref name="now"/> taken as now, and the newest of them.</summary>
    private static (long[] Seconds, long Newest) PublicationTimes(AtomicReader reader, long now)
    {
        var seconds = new long[reader.MaxDoc];
        Array.Fill(seconds, long.MinValue);
        var values = reader.GetNumericDocValues(NewsFields.PublishedAt);
        var present = reader.GetDocsWithField(NewsFields.PublishedAt);
        long newest = 0;
        if (values is null || present is null)
        {
            return (seconds, newest);
        }

        for (var doc = 0; doc < seconds.Length; doc++)
        {
            if (present.Get(doc))
            {
                seconds[doc] = Math.Min(values.Get(doc), now);
                newest = Math.Max(newest, seconds[doc]);
            }
        }

        return (seconds, newest);
    }

    private static void AddWords(ArticleWords article, CountedTableBuilder words, int doc, double freshness, List<int> entries)
    {
        for (var i = 0; i < article.Count; i++)
        {
            if (article.IsSuggestible(i) && words.Add(article.Folded(i), article.Written(i), freshness, doc) is var id and >= 0)
            {
                entries.Add(id);
            }
        }
    }

    private static void AddPhrases(ArticleWords article, CountedTableBuilder phrases, PhraseSketch? recurring, int minCount, int doc, double freshness, List<int> entries)
    {
        for (var first = 0; first + 1 < article.Count; first++)
        {
            for (var length = 2; length <= 3 && article.RunsOn(first, length); length++)
            {
                var key = article.PhraseKey(first, length);
                if ((recurring is null || recurring.Estimate(key) >= minCount)
                    && phrases.Add(key, article.PhraseWritten(first, length), freshness, doc) is var id and >= 0)
                {
                    entries.Add(~id);
                }
            }
        }
    }

    /// <summary>Turns builder ids into table ordinals, dropping the phrases the table left out, and moves each
    /// article's start in <paramref name="docStarts"/> to match.</summary>
    private static int[] Renumber(List<int> entries, int[] docStarts, int[] wordOrdinals, int[] phraseOrdinals)
    {
        var renumbered = new List<int>(entries.Count);
        var oldStart = 0;
        for (var doc = 0; doc + 1 < docStarts.Length; doc++)
        {
            var oldEnd = docStarts[doc + 1];
            docStarts[doc] = renumbered.Count;
            for (var i = oldStart; i < oldEnd; i++)
            {
                var entry = entries[i];
                if (entry >= 0)
                {
                    renumbered.Add(wordOrdinals[entry]);
                }
                else if (phraseOrdinals[~entry] is var phrase and >= 0)
                {
                    renumbered.Add(~phrase);
                }
            }

            oldStart = oldEnd;
        }

        docStarts[^1] = renumbered.Count;
        return [.. renumbered];
    }

    /// <summary>One title cut into words, each with its folded form; reused from article to article.</summary>
    private sealed class ArticleWords
    {
        private readonly List<WordSpan> _spans = [];
        private readonly List<(int Start, int Length, bool Stop)> _folded = [];
        private char[] _foldedChars = new char[256];
        private char[] _buffer = new char[64];
        private char[] _key = new char[128];
        private char[] _written = new char[128];
        private char[] _title = new char[256];

        public int Count => _folded.Count;

        public void Load(ReadOnlySpan<char> title)
        {
            if (_title.Length < title.Length)
            {
                _title = new char[Math.Max(title.Length, 2 * _title.Length)];
            }

            title.CopyTo(_title);
            _spans.Clear();
            _folded.Clear();
            SuggestionText.Split(title, _spans);
            var used = 0;
            var kept = 0;
            for (var i = 0; i < _spans.Count; i++)
            {
                var span = _spans[i];
                var folded = SuggestionText.Fold(title.Slice(span.Start, span.Length), ref _buffer);
                if (folded.IsEmpty)
                {
                    continue;
                }

                if (_foldedChars.Length < used + folded.Length)
                {
                    Array.Resize(ref _foldedChars, Math.Max(2 * _foldedChars.Length, used + folded.Length));
                }

                folded.CopyTo(_foldedChars.AsSpan(used));
                _folded.Add((used, folded.Length, ArabicStopWords.Folded.Contains(_foldedChars, used, folded.Length)));
                _spans[kept++] = span;
                used += folded.Length;
            }

            _spans.RemoveRange(kept, _spans.Count - kept);
        }

        public ReadOnlySpan<char> Folded(int i) => _foldedChars.AsSpan(_folded[i].Start, _folded[i].Length);

        public ReadOnlySpan<char> Written(int i) => _title.AsSpan(_spans[i].Start, _spans[i].Length);

        /// <summary>Worth completing to: not a stop word, and two letters or more.</summary>
        public bool IsSuggestible(int i) => !_folded[i].Stop && _folded[i].Length >= MinWordLength;

        /// <summary>True when words first … first+length−1 are all suggestible and only spaces lie between them.</summary>
        public bool RunsOn(int first, int length)
        {
            if (first + length > Count || !IsSuggestible(first + length - 1))
            {
                return false;
            }

            for (var i = first; i < first + length - 1; i++)
            {
                if (!IsSuggestible(i) || !_title.AsSpan(_spans[i].End, _spans[i + 1].Start - _spans[i].End).IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A phrase's folded words joined by one space.</summary>
        public ReadOnlySpan<char> PhraseKey(int first, int length)
        {
            var joined = Join(first, length, folded: true, ref _key);
            return _key.AsSpan(0, joined);
        }

        /// <summary>A phrase's words as written, joined by one space.</summary>
        public ReadOnlySpan<char> PhraseWritten(int first, int length)
        {
            var joined = Join(first, length, folded: false, ref _written);
            return _written.AsSpan(0, joined);
        }

        /// <summary>The folded words joined by one space (<see cref="SuggestionText.FoldedWords"/>).</summary>
        public ReadOnlySpan<char> FoldedTitle()
        {
            var length = Join(0, Count, folded: true, ref _key);
            return _key.AsSpan(0, length);
        }

        private int Join(int first, int count, bool folded, ref char[] into)
        {
            var length = 0;
            for (var i = first; i < first + count; i++)
            {
                var part = folded ? Folded(i) : Written(i);
                if (into.Length < length + part.Length + 1)
                {
                    Array.Resize(ref into, Math.Max(2 * into.Length, length + part.Length + 1));
                }

                if (i > first)
                {
                    into[length++] = ' ';
                }

                part.CopyTo(into.AsSpan(length));
                length += part.Length;
            }

            return length;
        }
    }
}
