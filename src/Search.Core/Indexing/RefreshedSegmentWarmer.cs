using Lucene.Net.Search;
using Search.Core.Spelling;
using Search.Core.Suggesting;

namespace Search.Core.Indexing;

/// <summary>
/// Builds the suggestions and word tries of the segments a refresh brings (a second's writes, or an index added by a
/// reindex) in the refresh thread, right after the refresh, rather than in the first request that meets them. A
/// failure is only a missed head start, as for <see cref="MergedSegmentWarmer"/>.
/// </summary>
internal sealed class RefreshedSegmentWarmer(Suggester suggester, WordTries words, SearcherManager searchers) : ReferenceManager.IRefreshListener
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
                words.Prepare(searcher.IndexReader);
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
