using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Querying;

/// <summary>
/// Groups ranked hits that are copies of one story (near-equal <see cref="NearDuplicateHash"/>) under the best-ranked
/// copy, keeping rank order. Pairwise against group leaders only, over a bounded candidate window.
/// </summary>
internal static class DuplicateCollapser
{
    public static List<List<ScoreDoc>> Collapse(IndexReader reader, ScoreDoc[] hits)
    {
        var leaves = reader.Leaves;
        var groups = new List<List<ScoreDoc>>();
        var leaders = new List<long?>();
        foreach (var hit in hits)
        {
            var hash = HashOf(leaves, hit.Doc);
            var group = hash is { } value ? leaders.FindIndex(leader => leader is { } known && NearDuplicateHash.AreNearDuplicates(known, value)) : -1;
            if (group >= 0)
            {
                groups[group].Add(hit);
                continue;
            }

            groups.Add([hit]);
            leaders.Add(hash);
        }

        return groups;
    }

    private static long? HashOf(IList<AtomicReaderContext> leaves, int doc)
    {
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetNumericDocValues(NewsFields.NearDuplicateHash);
        return values?.Get(doc - leaf.DocBase);
    }
}
