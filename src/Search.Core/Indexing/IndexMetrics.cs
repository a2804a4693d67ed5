using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lucene.Net.Search;

namespace Search.Core.Indexing;

/// <summary>
/// How long commits and refreshes take, on the <c>Search.Index</c> meter, for operators to scrape. One per index (a
/// refresh listener on its searcher manager), disposed with it.
/// </summary>
public sealed class IndexMetrics : ReferenceManager.IRefreshListener, IDisposable
{
    public const string MeterName = "Search.Index";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _commits;
    private readonly Histogram<double> _refreshes;
    private readonly Counter<long> _mergeFailures;
    private long _refreshStarted;

    internal IndexMetrics()
    {
        _commits = _meter.CreateHistogram<double>("search.index.commit.duration", "s", "Time to make the index's writes durable in a Lucene commit.");
        _refreshes = _meter.CreateHistogram<double>("search.index.refresh.duration", "s", "Time to open a new searcher that sees recent writes.");
        _mergeFailures = _meter.CreateCounter<long>("search.index.merge.failures", "{merge}", "Background segment merges that failed (a full disk, say); the segments stay unmerged until a later merge succeeds.");
    }

    /// <summary>This index's meter, for tests that listen to it alone.</summary>
    internal Meter Meter => _meter;

    internal void RecordMergeFailure() => _mergeFailures.Add(1);

    internal void RecordCommit(TimeSpan elapsed) => _commits.Record(elapsed.TotalSeconds);

    public void BeforeRefresh() => Volatile.Write(ref _refreshStarted, Stopwatch.GetTimestamp());

    public void AfterRefresh(bool didRefresh)
    {
        if (didRefresh)
        {
            _refreshes.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref _refreshStarted)).TotalSeconds);
        }
    }

    public void Dispose() => _meter.Dispose();
}
