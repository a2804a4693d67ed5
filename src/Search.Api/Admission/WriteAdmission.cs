using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Search.Api.Hosting;

namespace Search.Api.Admission;

/// <summary>
/// Bounds the request bodies the write endpoints hold at once (<see cref="WriteApiOptions.MaxPendingBytes"/>): a body is
/// read, parsed and kept until its write is applied, several times its size in memory, and writes are applied one
/// batch after another however many arrive. Without a bound, 32 clients sending 20 MB bulks at once waited 54 s for
/// their answers (p50, 87 s at worst) while the service grew to 4.3 GB. A write that does not fit is refused at once
/// with 503 and <c>Retry-After</c>, before its body is read. Bytes do not bound the work, though: 128 MB of articles of a
/// title each are 2.7 million changes, minutes of applying that every later write waited behind. So the changes
/// written and not yet applied are bounded too (<see cref="WriteApiOptions.MaxPendingArticles"/>), once a body is parsed.
/// Thread-safe; one per service.
/// </summary>
public sealed class WriteAdmission : IDisposable
{
    private const int BytesPerPermit = 1024;

    /// <summary>A tenth of the changes bound is kept for single-article writes: with 32 clients sending bulks, a
    /// <c>PUT</c> was otherwise refused 20 times out of 21, an editor's article shut out by an import.</summary>
    private const int SingleWriteShareDivisor = 10;

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permits;
    private readonly ConcurrencyLimiter _changes;
    private readonly int _changePermits;
    private readonly ConcurrencyLimiter _bulkChanges;
    private readonly int _bulkChangePermits;

    public WriteAdmission(IOptions<WriteApiOptions> options)
    {
        _permits = (int)Math.Clamp(options.Value.MaxPendingBytes / BytesPerPermit, 1, int.MaxValue);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _permits, QueueLimit = 0 });
        _changePermits = options.Value.MaxPendingArticles;
        _changes = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _changePermits, QueueLimit = 0 });
        _bulkChangePermits = Math.Max(1, _changePermits - (_changePermits / SingleWriteShareDivisor));
        _bulkChanges = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = _bulkChangePermits, QueueLimit = 0 });
    }

    /// <summary>A lease to hold a body of up to <paramref name="bytes"/> until its write ends, or one that is not
    /// acquired when the bodies held already leave no room; dispose it when the write ends. A body larger than the
    /// whole bound is let in alone.</summary>
    public RateLimitLease Enter(long bytes) =>
        _limiter.AttemptAcquire((int)Math.Clamp((bytes + BytesPerPermit - 1) / BytesPerPermit, 1, _permits));

    /// <summary>A lease for <paramref name="changes"/> changes to be written and applied, or one that is not acquired
    /// when the changes not yet applied leave no room; dispose it once they are applied. Bulks together never take the
    /// share kept for single-article writes; a bulk larger than the whole bound is let in alone.</summary>
    public RateLimitLease EnterChanges(int changes, bool bulk)
    {
        if (!bulk)
        {
            return _changes.AttemptAcquire(Math.Clamp(changes, 1, _changePermits));
        }

        var share = _bulkChanges.AttemptAcquire(Math.Clamp(changes, 1, _bulkChangePermits));
        if (!share.IsAcquired)
        {
            return share;
        }

        var total = _changes.AttemptAcquire(Math.Clamp(changes, 1, _changePermits));
        if (!total.IsAcquired)
        {
            share.Dispose();
            return total;
        }

        return new PairedLease(share, total);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _changes.Dispose();
        _bulkChanges.Dispose();
    }
}
