using Lucene.Net.Search;
using Search.Core.Ranking;

namespace Search.Core.Tests.Ranking;

/// <summary>A search run segment by segment as the searcher runs it, out of document order, so a test can read what the
/// windowed scorer of each segment did.</summary>
internal static class WindowedScoring
{
    /// <returns>The documents whose proximity bonus the windowed scorers skipped.</returns>
    public static int ScoreEachSegment(IndexSearcher searcher, Query query, ICollector collector)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var skipped = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            if (weight.GetBulkScorer(leaf, scoreDocsInOrder: false, leaf.AtomicReader.LiveDocs) is { } scorer)
            {
                scorer.Score(collector);
                skipped += (scorer as WindowedDisjunctionScorer)?.SkippedBonuses ?? 0;
            }
        }

        return skipped;
    }
}
