using System.Collections.Concurrent;
using Lucene.Net.Search;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Articles written since the last refresh, so that a read by id sees a write at once (Elasticsearch's live version
/// map does the same for its real-time get). Entries move to a second map when a refresh starts and are dropped when it
/// ends, by which time searches see them; memory is bounded by what one refresh interval writes. Thread-safe.
/// </summary>
internal sealed class RecentWrites : ReferenceManager.IRefreshListener
{
    private static readonly ConcurrentDictionary<string, NewsArticle?> Empty = new(StringComparer.Ordinal);

    private volatile ConcurrentDictionary<string, NewsArticle?> _current = new(StringComparer.Ordinal);
    private volatile ConcurrentDictionary<string, NewsArticle?> _refreshing = Empty;

    /// <summary>Records a write after the index writer took it; null records a delete.</summary>
    public void Record(string id, NewsArticle? article) => _current[id] = article;

    /// <summary>The article last written under this id (null when deleted), if written since the last refresh.</summary>
    public bool TryGet(string id, out NewsArticle? article) =>
        _current.TryGetValue(id, out article) || _refreshing.TryGetValue(id, out article);

    /// <summary>Forgets every write, when the index's contents are replaced wholesale.</summary>
    public void Clear()
    {
        _current = new ConcurrentDictionary<string, NewsArticle?>(StringComparer.Ordinal);
        _refreshing = Empty;
    }

    public void BeforeRefresh()
    {
        _refreshing = _current;
        _current = new ConcurrentDictionary<string, NewsArticle?>(StringComparer.Ordinal);
    }

    public void AfterRefresh(bool didRefresh) => _refreshing = Empty;
}
