using Lucene.Net.Util;

namespace Search.Core.Suggesting;

/// <summary>
/// Finds the headlines that start with what was typed (folded words, <see cref="SuggestionText.FoldedWords"/>), best
/// first: copies of one headline (one story carried by several outlets) count together, each live copy adding
/// 1 + the fresh-story weight (<see cref="Freshness"/>), newest first among equals. Deleted articles are skipped as the
/// scan meets them. As for words, each segment offers its best few and the union is totalled.
/// </summary>
internal static class TitleCompletions
{
    public static List<TitleCompletion> Find(IReadOnlyList<SegmentView> views, string prefix, int wanted, SuggestionOptions options)
    {
        var perSegment = 2 * wanted;
        var lookup = prefix.Length > options.MaxTitleKeyLength ? prefix[..options.MaxTitleKeyLength] : prefix;
        var byTitle = new Dictionary<(string Key, int Hash), TitleCompletion>();
        var best = new PriorityQueue<Headline, (double Score, int Minute)>(perSegment + 1);
        for (var segment = 0; segment < views.Count; segment++)
        {
            var view = views[segment];
            var titles = view.Data.Titles;
            var (start, end) = titles.Keys.PrefixRange(lookup);
            best.Clear();
            for (var first = start; first < end;)
            {
                var next = first + 1;
                while (next < end && !titles.IsFirstCopy(next))
                {
                    next++;
                }

                if (Copies(titles, view.Reader.LiveDocs, first, next, view.Factor, options) is { } headline)
                {
                    var rank = (headline.Score, headline.Minute);
                    if (best.Count < perSegment)
                    {
                        best.Enqueue(headline, rank);
                    }
                    else if (best.TryPeek(out _, out var lowest) && rank.CompareTo(lowest) > 0)
                    {
                        best.EnqueueDequeue(headline, rank);
                    }
                }

                first = next;
            }

            while (best.TryDequeue(out var headline, out _))
            {
                var completion = new TitleCompletion(
                    titles.Keys[headline.Entry].ToString(), titles.TitleHash(headline.Entry), segment, headline.Doc, headline.Count, headline.Score, headline.Minute);
                var identity = (completion.Key, completion.TitleHash);
                byTitle[identity] = byTitle.TryGetValue(identity, out var other)
                    ? (completion.Minute > other.Minute ? completion : other) with
                    {
                        Count = completion.Count + other.Count,
                        Score = completion.Score + other.Score,
                    }
                    : completion;
            }
        }

        return byTitle.Values
            .OrderByDescending(completion => completion.Score)
            .ThenByDescending(completion => completion.Minute)
            .ThenBy(completion => completion.Key, StringComparer.Ordinal)
            .Take(wanted)
            .ToList();
    }

    /// <summary>The live copies among entries [<paramref name="start"/>, <paramref name="end"/>) of one headline, or
    /// null when every copy is deleted. Entries are newest first, so the first live one stands for the headline.</summary>
    private static Headline? Copies(TitleTable titles, IBits? live, int start, int end, double factor, SuggestionOptions options)
    {
        int count = 0, newest = -1;
        double freshness = 0;
        for (var i = start; i < end; i++)
        {
            if (live is not null && !live.Get(titles.Doc(i)))
            {
                continue;
            }

            count++;
            newest = newest < 0 ? i : newest;
            freshness += titles.Freshness(i);
        }

        return count == 0 ? null : new Headline(start, titles.Doc(newest), count, Freshness.Score(count, freshness * factor, options), titles.Minute(newest));
    }

    /// <summary>One headline's live copies in a segment: its first entry, its newest copy, and their totals.</summary>
    private readonly record struct Headline(int Entry, int Doc, int Count, double Score, int Minute);
}
