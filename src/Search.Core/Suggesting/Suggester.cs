using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Querying;
using Search.Core.Segments;

namespace Search.Core.Suggesting;

/// <summary>
/// Where suggestions enter the engine: completions of the last word typed, of phrases that recur in titles and of
/// whole titles, from one index snapshot. Each segment's <see cref="SegmentSuggestions"/> is built once per segment core
/// and kept until the segment is merged away (like <c>SegmentValueCache</c>); each new set of deletions gets its
/// <see cref="DeletedCounts"/>, so counts are those of live articles. One per index; thread-safe.
/// </summary>
internal sealed class Suggester(SuggestionOptions options)
{
    private readonly SegmentCache<SegmentSuggestions> _segments = new();
    private readonly ConditionalWeakTable<object, DeletedCounts> _deletions = new();

    /// <summary>Segment builds so far, for tests of when they happen.</summary>
    public long Builds => _segments.Builds;

    /// <exception cref="InvalidSearchRequestException">The request breaks a limit of <see cref="SuggestRequest.Validate"/>.</exception>
    public SuggestResults Suggest(IndexSearcher searcher, SuggestRequest request)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidSearchRequestException(errors);
        }

        var typed = TypedText.Parse(request.Query);
        var now = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        var views = Views(searcher.IndexReader, now);
        return new SuggestResults(request.Query, SuggestionMix.Combine(
            Words(views, typed, request.Size),
            Phrases(views, typed, request.Size),
            Titles(views, typed, request.Size),
            request.Size));
    }

    /// <summary>Builds the suggestions of every segment of <paramref name="reader"/> not built yet.</summary>
    public SuggestionStatistics Prepare(IndexReader reader, CancellationToken cancellation = default)
    {
        var segments = reader.Leaves.Select(leaf => For(leaf.AtomicReader, cancellation)).ToList();
        return new SuggestionStatistics(
            segments.Count,
            segments.Sum(segment => segment.MaxDoc),
            segments.Sum(segment => segment.Words.Keys.Count),
            segments.Sum(segment => segment.Phrases.Keys.Count),
            segments.Sum(segment => segment.Titles.Keys.Count),
            segments.Sum(segment => segment.MemoryBytes),
            TimeSpan.FromTicks(segments.Sum(segment => segment.BuildTime.Ticks)));
    }

    /// <summary>The segment's suggestions, built on first use. A build that fails is not kept, so the next use tries again.</summary>
    private SegmentSuggestions For(AtomicReader reader, CancellationToken cancellation = default) =>
        _segments.For(reader, segment => SegmentSuggestionsBuilder.Build(segment, options, cancellation));

    private List<SegmentView> Views(IndexReader reader, long now)
    {
        var views = new List<SegmentView>(reader.Leaves.Count);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var data = For(segment);
            var deleted = segment.LiveDocs is { } live ? _deletions.GetValue(live, _ => DeletedCounts.Of(segment, data)) : DeletedCounts.None;
            views.Add(new SegmentView(segment, data, deleted, Freshness.Decay(data.ReferenceSeconds, now, options.RecencyHalfLife)));
        }

        return views;
    }

    /// <summary>Completions of the last word typed, by how many titles hold them and how recent those are; after a
    /// word, those that follow it in recurring phrases come first, so <c>كأس ال</c> offers <c>كأس العالم</c> before the
    /// commoner <c>كأس السعودية</c>, with the count of titles holding the two words together.</summary>
    private List<Suggestion> Words(List<SegmentView> views, TypedText typed, int size)
    {
        if (typed.LastWordFolded.Length == 0)
        {
            return [];
        }

        var found = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (typed.FoldedWords.Count >= 2)
        {
            var prefix = typed.FoldedWords[^2] + " " + typed.LastWordFolded;
            foreach (var phrase in CountedCompletions.Find(views, phrases: true, prefix, size, options.MinPhraseCount, options))
            {
                var (key, written) = (phrase.Key.Split(' '), phrase.Written.Split(' '));
                if (written.Length == key.Length && seen.Add(key[1]))
                {
                    found.Add(WordSuggestion(typed, written[1], phrase.Count));
                }
            }
        }

        foreach (var word in CountedCompletions.Find(views, phrases: false, typed.LastWordFolded, size, minCount: 1, options))
        {
            if (seen.Add(word.Key))
            {
                found.Add(WordSuggestion(typed, word.Written, word.Count));
            }
        }

        return found;
    }

    private static Suggestion WordSuggestion(TypedText typed, string written, int count) =>
        new(typed.Before + written, TypedPartMarker.Mark(typed.Before, written, typed.LastWordFolded.Length), SuggestionKind.Word, count);

    /// <summary>Phrases that complete the typed words, the whole text first, then from the second word on, and so on
    /// while places are left: typing <c>اسعار الاتصا</c> offers <c>الاتصالات السعودية</c> when few phrases start with
    /// both words. A shortened text needs two letters at least: one says too little once the words before it are gone.</summary>
    private List<Suggestion> Phrases(List<SegmentView> views, TypedText typed, int size)
    {
        var found = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var first = 0; first < typed.FoldedWords.Count && found.Count < size; first++)
        {
            var prefix = typed.FoldedFrom(first);
            if (first > 0 && prefix.TrimEnd().Length < 2)
            {
                break;
            }

            foreach (var phrase in CountedCompletions.Find(views, phrases: true, prefix, size, options.MinPhraseCount, options))
            {
                if (seen.Add(phrase.Key))
                {
                    found.Add(new Suggestion(phrase.Written, TypedPartMarker.Mark("", phrase.Written, prefix.Length), SuggestionKind.Phrase, phrase.Count));
                }
            }
        }

        return found;
    }

    /// <summary>Headlines that start with the whole typed text (two letters at least).</summary>
    private List<Suggestion> Titles(List<SegmentView> views, TypedText typed, int size)
    {
        var prefix = typed.FoldedFrom(0);
        if (prefix.TrimEnd().Length < 2)
        {
            return [];
        }

        var found = new List<Suggestion>();
        var headlines = new HeadlineReader();
        foreach (var title in TitleCompletions.Find(views, prefix, size, options))
        {
            if (headlines.Read(views[title.Segment].Reader, title.Doc) is not { } headline)
            {
                continue;
            }

            var (text, id) = headline;
            if (prefix.Length > options.MaxTitleKeyLength && !SuggestionText.FoldedWords(text).StartsWith(prefix, StringComparison.Ordinal))
            {
                // Past the kept key length, the whole title decides.
                continue;
            }

            found.Add(new Suggestion(text, TypedPartMarker.Mark("", text, prefix.Length), SuggestionKind.Title, title.Count, id));
        }

        return found;
    }
}
