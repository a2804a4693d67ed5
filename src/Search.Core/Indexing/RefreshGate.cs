using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// Holds refreshes back while an index's contents are being replaced, so no search ever sees the index half-switched
/// (emptied, or refilled without the latest writes). Searches themselves never wait: they keep the snapshot they had
/// until the first refresh after <see cref="Open"/>. Lucene calls <see cref="BeforeRefresh"/> before it opens a new
/// reader and <see cref="AfterRefresh"/> in a finally block, so <see cref="Close"/> also waits for a refresh under way.
/// </summary>
internal sealed class RefreshGate : ReferenceManager.IRefreshListener
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Returns once no refresh is running; none starts until <see cref="Open"/>.</summary>
    public void Close() => _turn.Wait();

    public void Open() => _turn.Release();

    public void BeforeRefresh() => _turn.Wait();

    public void AfterRefresh(bool didRefresh) => _turn.Release();
}
