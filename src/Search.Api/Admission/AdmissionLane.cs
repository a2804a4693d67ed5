using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Search.Api.Admission;

/// <summary>
/// One lane of <see cref="SearchAdmission"/>: a running limit with a short queue, and a running average of how long its
/// searches hold their turn. A search that finds the lane full joins the queue only when the searches ahead of it can
/// be expected to end before the queue deadline; otherwise it is refused at once. Under a flood a long queue only
/// held each refused search for the whole deadline (500 ms), and each admitted one nearly as long
/// (benchmarks/README.md, overload). Thread-safe.
/// </summary>
internal sealed class AdmissionLane : IDisposable
{
    /// <summary>Weight of the newest search in the average: about the last ten count.</summary>
    private const double Smoothing = 0.2;

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permits;
    private readonly TimeSpan _queueTimeout;
    private long _averageHoldTicks;

    public AdmissionLane(int permits, int queueLimit, TimeSpan queueTimeout)
    {
        _permits = permits;
        _queueTimeout = queueTimeout;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public long Running => _permits - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? _permits);

    /// <summary>How long a search that joins the queue now would wait: each search ahead of it, and the running ones,
    /// end one average hold apart on each permit. Zero until a search has ended.</summary>
    public TimeSpan ExpectedWait => TimeSpan.FromTicks((long)(Volatile.Read(ref _averageHoldTicks) * (Queued + 1) / (double)_permits));

    /// <summary>A lease to run one search, or <see cref="RefusedLease"/>; dispose it when the search ends.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken aborted)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return new HeldLease(lease, this);
        }

        lease.Dispose();
        if (ExpectedWait > _queueTimeout)
        {
            return RefusedLease.Instance;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(_queueTimeout);
        try
        {
            lease = await _limiter.AcquireAsync(1, deadline.Token);
            return lease.IsAcquired ? new HeldLease(lease, this) : lease;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return RefusedLease.Instance;
        }
    }

    /// <summary>Adds one search's hold time to the running average.</summary>
    public void Observe(TimeSpan held)
    {
        long seen, next;
        do
        {
            seen = Volatile.Read(ref _averageHoldTicks);
            next = seen == 0 ? held.Ticks : (long)(seen + (Smoothing * (held.Ticks - seen)));
        }
        while (Interlocked.CompareExchange(ref _averageHoldTicks, next, seen) != seen);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A granted turn that reports how long it was held when it is given back.</summary>
    private sealed class HeldLease(RateLimitLease inner, AdmissionLane lane) : RateLimitLease
    {
        private readonly long _start = Stopwatch.GetTimestamp();
        private int _disposed;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => inner.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lane.Observe(Stopwatch.GetElapsedTime(_start));
                inner.Dispose();
            }
        }
    }
}
