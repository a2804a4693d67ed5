using Lucene.Net.Search;

namespace Search.Core.Searching;

/// <summary>
/// Drops kept snapshots that are past <paramref name="lifetime"/> since a newer one was kept, and every one past the
/// newest <paramref name="maxKept"/>. Lucene asks about them newest first, once each per prune, so counting the asks
/// counts the newer snapshots. One per prune.
/// </summary>
internal sealed class CursorSnapshotPruner(TimeSpan lifetime, int maxKept) : SearcherLifetimeManager.IPruner
{
    private int _asked;

    public bool DoPrune(double ageSec, IndexSearcher searcher) => ++_asked > maxKept || ageSec > lifetime.TotalSeconds;
}
