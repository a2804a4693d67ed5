using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Highlighting;
using Search.Core.Indexing;
using Search.Core.Navigation;
using Search.Core.Querying;
using Search.Core.Ranking;
using Search.Core.Spelling;

namespace Search.Core.Searching;

/// <summary>
/// Where a search enters the engine: validates a request once, finds the snapshot a cursor was made on (kept, like
/// Lucene's and Elasticsearch's point-in-time, for <see cref="NewsIndexOptions.CursorSnapshotLifetime"/>, at most
/// <see cref="NewsIndexOptions.MaxCursorSnapshots"/> of them) or uses the current one, and runs the search, the related-stories lookup or the latest stories. One per index; its per-segment
/// value cache serves all three, so facets, collapsing and related stories read each segment's values once. Thread-safe.
/// </summary>
internal sealed class ArticleSearch : IDisposable
{
    private readonly NewsSearcher _searcher;
    private readonly RelatedStoryFinder _related;
    private readonly LatestStoryFinder _latest;
    private readonly SearcherLifetimeManager _snapshots = new();
    private readonly TimeSpan _snapshotLifetime;
    private readonly int _maxSnapshots;
    private long _lastSnapshotVersion = -1;

    /// <param name="words">The index's word tries, which its warmers build ahead.</param>
    public ArticleSearch(NewsIndexOptions options, WordTries words)
    {
        var stemmer = new ArabicNewsStemmer();
        Analyzer stemmed = new ArabicNewsAnalyzer(stem: true);
        var exact = new ArabicNewsAnalyzer(stem: false);
        var segmentValues = new SegmentValueCache();
        _searcher = new NewsSearcher(
            new NewsQueryBuilder(stemmed, exact, stemmer, options.Ranking) { Words = words },
            new NewsHighlighter(exact, stemmer),
            new DidYouMean(exact),
            segmentValues,
            options.SearchTimeout,
            options.SearchClock);
        _related = new RelatedStoryFinder(stemmed, segmentValues);
        _latest = new LatestStoryFinder(_searcher, segmentValues);
        _snapshotLifetime = options.CursorSnapshotLifetime;
        _maxSnapshots = options.MaxCursorSnapshots;
    }

    /// <param name="current">Lends the current searcher for the call (acquired and released by the index).</param>
    /// <exception cref="InvalidSearchRequestException">The request breaks a limit or carries a bad cursor.</exception>
    public SearchResults Search(SearchRequest request, Func<Func<IndexSearcher, SearchResults>, SearchResults> current)
    {
        var errors = request.Validate(out var parsed);
        if (errors.Count > 0)
        {
            throw new InvalidSearchRequestException(errors);
        }

        var cursor = request.After is null ? null : SearchCursor.Decode(request.After, request);
        if (cursor?.SnapshotVersion is { } version && _snapshots.Acquire(version) is { } snapshot)
        {
            try
            {
                return _searcher.Search(snapshot, request, parsed, cursor, () => version);
            }
            finally
            {
                _snapshots.Release(snapshot);
            }
        }

        return current(searcher => _searcher.Search(searcher, request, parsed, cursor, () => KeepSnapshot(searcher)));
    }

    /// <exception cref="ArticleNotFoundException">No article has this id.</exception>
    public IReadOnlyList<SearchHit> Related(IndexSearcher searcher, string id, int count) => _related.Find(searcher, id, count);

    /// <exception cref="InvalidSearchRequestException">The request breaks a limit.</exception>
    public LatestStories Latest(IndexSearcher searcher, LatestRequest request) => _latest.Find(searcher, request);

    public void Dispose() => _snapshots.Dispose();

    /// <summary>Records the searcher for cursors; when it is a new snapshot, drops snapshots past their lifetime and
    /// all but the newest <see cref="NewsIndexOptions.MaxCursorSnapshots"/>.</summary>
    private long KeepSnapshot(IndexSearcher searcher)
    {
        var version = _snapshots.Record(searcher);
        if (Interlocked.Exchange(ref _lastSnapshotVersion, version) != version)
        {
            _snapshots.Prune(new CursorSnapshotPruner(_snapshotLifetime, _maxSnapshots));
        }

        return version;
    }
}
