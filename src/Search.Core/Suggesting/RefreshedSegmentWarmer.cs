using Lucene.Net.Search;

namespace Search.Core.Suggesting;

/// <summary>
/// Builds the suggestions of the segments a refresh brings (a second's writes, or an index added by a reindex) in the
/// refresh thread, right after the refresh, rather than in the first suggestion request that meets them. A failure is
/// only a missed head start, as for <see cref="MergedSegmentWarmer"/>.
/// </summary>
internal sealed class RefreshedSegmentWarmer(Suggester suggester, SearcherManager searchers) : ReferenceManager.IRefreshListener
{
    public void BeforeRefresh()
    {
    }

    public void AfterRefresh(bool didRefresh)
    {
        if (!didRefresh)
        {
            return;
        }

        try
        {
            var searcher = searchers.Acquire();
            try
            {
                suggester.Prepare(searcher.IndexReader);
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A listener that throws ends the refresh loop.
        }
    }
}
