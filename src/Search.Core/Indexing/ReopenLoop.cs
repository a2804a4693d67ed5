using System.Diagnostics;
using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Reopens the searcher manager at most <c>maxStale</c> after a write, and at once when someone waits for a write's
/// generation: Lucene's <c>ControlledRealTimeReopenThread</c> does the same, but a refresh that fails (its flush meets a
/// full disk) ends that thread, after which no write ever becomes visible and every wait hangs. Here a failed refresh is
/// tried again a moment later (the index counts it). Thread-safe; one per index, disposed with it.
/// </summary>
internal sealed class ReopenLoop : IDisposable
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMilliseconds(500);

    private readonly TrackingIndexWriter _writer;
    private readonly Action _refresh;
    private readonly TimeSpan _maxStale;
    private readonly object _lock = new();
    private readonly Thread _thread;
    private long _searchingGeneration;
    private long _failures;
    private int _waiting;
    private bool _stopping;

    /// <param name="refresh">Reopens the searchers, blocking; throws <see cref="IOException"/> when the flush fails.</param>
    public ReopenLoop(TrackingIndexWriter writer, Action refresh, TimeSpan maxStale)
    {
        _writer = writer;
        _refresh = refresh;
        _maxStale = maxStale;
        _thread = new Thread(Run) { IsBackground = true, Name = "news-index-reopen" };
        _thread.Start();
    }

    /// <summary>Why the last refresh failed, while refreshes keep failing; null once one succeeds.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>Blocks until searches see every write up to <paramref name="generation"/>.</summary>
    /// <exception cref="IOException">A refresh failed meanwhile (a full disk, a folder turned read-only): the write is
    /// in the writer, but searches cannot see it until a refresh works, which may take as long as storage fails.</exception>
    public void WaitForGeneration(long generation)
    {
        lock (_lock)
        {
            _waiting++;
            Monitor.PulseAll(_lock);
            var failures = _failures;
            try
            {
                while (Interlocked.Read(ref _searchingGeneration) < generation && !_stopping)
                {
                    if (_failures != failures)
                    {
                        throw new IOException($"Searches cannot see the write yet: refreshing the index failed ({LastFailure?.Message}).", LastFailure);
                    }

                    Monitor.Wait(_lock);
                }
            }
            finally
            {
                _waiting--;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopping = true;
            Monitor.PulseAll(_lock);
        }

        _thread.Join();
    }

    private void Run()
    {
        var lastRefresh = Stopwatch.StartNew();
        while (true)
        {
            lock (_lock)
            {
                // Sleep until the next periodic refresh, or until someone waits for a write. The clock is read once
                // per turn: read twice, the time left could turn negative between the test and the wait.
                while (!_stopping && _waiting == 0)
                {
                    var left = _maxStale - lastRefresh.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    Monitor.Wait(_lock, left);
                }

                if (_stopping)
                {
                    return;
                }
            }

            var generation = _writer.GetAndIncrementGeneration();
            try
            {
                _refresh();
                LastFailure = null;
                lock (_lock)
                {
                    Interlocked.Exchange(ref _searchingGeneration, generation);
                    Monitor.PulseAll(_lock);
                }

                lastRefresh.Restart();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Any failure, not just a full disk: an exception leaving this thread would end the process.
                LastFailure = ex;
                lock (_lock)
                {
                    // Waiters hear of a storage failure rather than wait on a disk that may stay full; anything else
                    // (a reader swapped meanwhile) passes with the next try, which they wait for.
                    if (Writing.StorageFault.IsStorageFailure(ex))
                    {
                        _failures++;
                        Monitor.PulseAll(_lock);
                    }

                    Monitor.Wait(_lock, AfterFailure);
                }
            }
        }
    }
}
