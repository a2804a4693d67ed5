using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Search.Core.Querying;

namespace Search.Api.Admission;

/// <summary>
/// Lets searches in by lanes: light and heavy searches (<see cref="SearchCost"/>) each have their own running limit and
/// short queue (<see cref="AdmissionLane"/>), so a flood of heavy queries fills its own lane and answers 503 while
/// one-word queries go on. Waiting costs no thread. Thread-safe; one per service.
/// </summary>
public sealed class SearchAdmission : IDisposable
{
    private readonly AdmissionLane _light;
    private readonly AdmissionLane _heavy;

    public SearchAdmission(IOptions<AdmissionOptions> options)
    {
        var settings = options.Value;
        var queueTimeout = TimeSpan.FromMilliseconds(settings.QueueTimeoutMs);
        _light = new AdmissionLane(settings.LightConcurrency > 0 ? settings.LightConcurrency : 2 * Environment.ProcessorCount, settings.QueueLimit, queueTimeout);
        _heavy = new AdmissionLane(settings.HeavyConcurrency > 0 ? settings.HeavyConcurrency : Math.Max(1, Environment.ProcessorCount / 2), settings.QueueLimit, queueTimeout);
    }

    /// <summary>Searches waiting for a turn, in both lanes.</summary>
    public long Queued => _light.Queued + _heavy.Queued;

    /// <summary>Searches running, in both lanes.</summary>
    public long Running => _light.Running + _heavy.Running;

    /// <summary>A lease to run a search of this cost, or a lease that is not acquired when the lane is full and the
    /// search could not start before the queue timeout, or the wait ran out; dispose it when the search ends.</summary>
    public ValueTask<RateLimitLease> EnterAsync(SearchCost cost, CancellationToken aborted) =>
        Lane(cost).EnterAsync(aborted);

    public void Dispose()
    {
        _light.Dispose();
        _heavy.Dispose();
    }

    /// <summary>The lane of this cost, for tests that teach it a search time.</summary>
    internal AdmissionLane Lane(SearchCost cost) => cost == SearchCost.Heavy ? _heavy : _light;
}
