using Lucene.Net.Index;

namespace Search.Core.Suggesting;

/// <summary>
/// What a segment's deleted articles added to its word and phrase counts. A segment's suggestions are built once per
/// core, but deletes (and updates, which delete the old version) change a segment's live documents at every refresh;
/// rebuilding for each would re-read every title. Instead each new set of live documents gets this list, from the
/// entries each article recorded: one pass over the deletion bits and a few entries per deleted article (well under
/// a millisecond on the shared corpus). Titles need none: they are checked against the live documents directly.
/// Immutable; thread-safe.
/// </summary>
internal sealed class DeletedCounts(CountAdjustments words, CountAdjustments phrases)
{
    public static DeletedCounts None { get; } = new(CountAdjustments.None, CountAdjustments.None);

    public CountAdjustments Words => words;

    public CountAdjustments Phrases => phrases;

    public static DeletedCounts Of(AtomicReader reader, SegmentSuggestions segment)
    {
        var live = reader.LiveDocs;
        if (live is null)
        {
            return None;
        }

        var deletedWords = new Dictionary<int, (int Count, double Freshness)>();
        var deletedPhrases = new Dictionary<int, (int Count, double Freshness)>();
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (live.Get(doc))
            {
                continue;
            }

            var freshness = segment.FreshnessOf(doc);
            foreach (var entry in segment.EntriesOf(doc))
            {
                var (target, ordinal) = entry >= 0 ? (deletedWords, entry) : (deletedPhrases, ~entry);
                var (count, sum) = target.GetValueOrDefault(ordinal);
                target[ordinal] = (count + 1, sum + freshness);
            }
        }

        return new DeletedCounts(CountAdjustments.From(deletedWords), CountAdjustments.From(deletedPhrases));
    }
}
