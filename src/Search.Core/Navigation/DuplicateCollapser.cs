using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Navigation;

/// <summary>
/// Groups ranked hits that are copies of one story (near-equal <see cref="NearDuplicateHash"/>) under the best-ranked
/// copy, keeping rank order. Pairwise against group leaders only, over a bounded candidate window.
/// </summary>
internal static class DuplicateCollapser
{
    /// <param name="shownBefore">Stories shown on earlier pages: their copies are dropped, not shown again.</param>
    public static List<StoryGroup> Collapse(IndexReader reader, SegmentValueCache values, ScoreDoc[] hits, IReadOnlyCollection<long>? shownBefore = null)
    {
        var leaves = reader.Leaves;
        var groups = new List<StoryGroup>();
        foreach (var hit in hits)
        {
            var hash = HashOf(leaves, values, hit.Doc);
            if (hash is { } value)
            {
                if (shownBefore is not null && shownBefore.Any(shown => NearDuplicateHash.AreNearDuplicates(shown, value)))
                {
                    continue;
                }

                var group = groups.Find(leader => leader.Hash is { } known && NearDuplicateHash.AreNearDuplicates(known, value));
                if (group is not null)
                {
                    group.Copies.Add(hit);
                    continue;
                }
            }

            groups.Add(new StoryGroup(hash, [hit]));
        }

        return groups;
    }

    private static long? HashOf(IList<AtomicReaderContext> leaves, SegmentValueCache values, int doc)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var segment = values.For(leaf.AtomicReader);
        var local = doc - leaf.DocBase;
        return segment.HasHash[local] ? segment.Hashes[local] : null;
    }
}
