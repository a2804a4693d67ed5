using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Admission;

/// <summary>
/// Lets searches in by lanes: light and heavy searches (<see cref="SearchCost"/>) each have their own running limit and
/// short queue, so a flood of heavy queries fills its own lane and answers 503 while one-word queries go on. Waiting
/// costs no thread. Thread-safe; one per service.
/// </summary>
public sealed class SearchAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _light;
    private readonly ConcurrencyLimiter _heavy;
    private readonly int _lightPermits;
    private readonly int _heavyPermits;
    private readonly TimeSpan _queueTimeout;

    public SearchAdmission(IOptions<AdmissionOptions> options)
    {
        var settings = options.Value;
        _lightPermits = settings.LightConcurrency > 0 ? settings.LightConcurrency : 2 * Environment.ProcessorCount;
        _heavyPermits = settings.HeavyConcurrency > 0 ? settings.HeavyConcurrency : Math.Max(1, Environment.ProcessorCount / 2);
        _light = Lane(_lightPermits, settings.QueueLimit);
        _heavy = Lane(_heavyPermits, settings.QueueLimit);
        _queueTimeout = TimeSpan.FromMilliseconds(settings.QueueTimeoutMs);
    }

    /// <summary>Searches waiting for a turn, in both lanes.</summary>
    public long Queued => (_light.GetStatistics()?.CurrentQueuedCount ?? 0) + (_heavy.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>Searches running, in both lanes.</summary>
    public long Running => InUse(_light, _lightPermits) + InUse(_heavy, _heavyPermits);

    /// <summary>A lease to run a search of this cost, or a lease that is not acquired when the lane is full or the wait
    /// ran out; dispose it when the search ends.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(SearchCost cost, CancellationToken aborted)
    {
        var lane = cost == SearchCost.Heavy ? _heavy : _light;
        var lease = lane.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(_queueTimeout);
        try
        {
            return await lane.AcquireAsync(1, deadline.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    public void Dispose()
    {
        _light.Dispose();
        _heavy.Dispose();
    }

    private static ConcurrencyLimiter Lane(int permits, int queue) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = permits,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private static long InUse(ConcurrencyLimiter lane, int permits) =>
        permits - (lane.GetStatistics()?.CurrentAvailablePermits ?? permits);

    /// <summary>The lease of a search that waited too long.</summary>
    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
