namespace Search.Core.Suggesting;

/// <summary>
/// Finds the words or phrases that start with a folded prefix, best first, over every segment. Each segment scans its
/// prefix range for its own best few (a bounded heap; deleted articles subtracted in step with the scan); the union
/// of those is then totalled over all segments by exact lookup. A key no segment ranks among its best few is missed
/// even when its total would rank it: with a handful of large segments and many small new ones, and a margin of
/// twice the number wanted, that needs a key spread thinly over many segments, which merging soon undoes.
/// </summary>
internal static class CountedCompletions
{
    public static List<CountedCompletion> Find(
        IReadOnlyList<SegmentView> views,
        bool phrases,
        string prefix,
        int wanted,
        int minCount,
        SuggestionOptions options)
    {
        var perSegment = 2 * wanted;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var best = new PriorityQueue<int, double>(perSegment + 1);
        foreach (var view in views)
        {
            var (table, deleted) = Select(view, phrases);
            var (start, end) = table.Keys.PrefixRange(prefix);
            if (start == end)
            {
                continue;
            }

            best.Clear();
            var adjustment = deleted.LowerBound(start);
            for (var ordinal = start; ordinal < end; ordinal++)
            {
                int count = table.Count(ordinal);
                double freshness = table.Freshness(ordinal);
                if (adjustment < deleted.Length && deleted.Ordinal(adjustment) == ordinal)
                {
                    count -= deleted.Count(adjustment);
                    freshness -= deleted.Freshness(adjustment);
                    adjustment++;
                }

                if (count <= 0)
                {
                    continue;
                }

                var score = Freshness.Score(count, freshness * view.Factor, options);
                if (best.Count < perSegment)
                {
                    best.Enqueue(ordinal, score);
                }
                else if (best.TryPeek(out _, out var lowest) && score > lowest)
                {
                    best.EnqueueDequeue(ordinal, score);
                }
            }

            while (best.TryDequeue(out var ordinal, out _))
            {
                candidates.Add(table.Keys[ordinal].ToString());
            }
        }

        var found = new List<CountedCompletion>(candidates.Count);
        foreach (var key in candidates)
        {
            if (Total(views, phrases, key, options) is { } completion && completion.Count >= minCount)
            {
                found.Add(completion);
            }
        }

        found.Sort((left, right) =>
            right.Score != left.Score ? right.Score.CompareTo(left.Score)
            : left.Key.Length != right.Key.Length ? left.Key.Length.CompareTo(right.Key.Length)
            : string.CompareOrdinal(left.Key, right.Key));
        return found.Count > wanted ? found[..wanted] : found;
    }

    /// <summary>A key's live count and score over every segment, written as the segment holding it most writes it.</summary>
    private static CountedCompletion? Total(IReadOnlyList<SegmentView> views, bool phrases, string key, SuggestionOptions options)
    {
        int total = 0, mostInOne = 0;
        double score = 0;
        var written = "";
        foreach (var view in views)
        {
            var (table, deleted) = Select(view, phrases);
            var ordinal = table.Keys.IndexOf(key);
            if (ordinal < 0)
            {
                continue;
            }

            var (deletedCount, deletedFreshness) = deleted.Of(ordinal);
            var count = table.Count(ordinal) - deletedCount;
            if (count <= 0)
            {
                continue;
            }

            total += count;
            score += Freshness.Score(count, (table.Freshness(ordinal) - deletedFreshness) * view.Factor, options);
            if (count > mostInOne)
            {
                mostInOne = count;
                written = table.Form(ordinal).ToString();
            }
        }

        return total == 0 ? null : new CountedCompletion(key, written, total, score);
    }

    private static (CountedTable Table, CountAdjustments Deleted) Select(SegmentView view, bool phrases) =>
        phrases ? (view.Data.Phrases, view.Deleted.Phrases) : (view.Data.Words, view.Deleted.Words);
}
