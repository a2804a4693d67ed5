using Search.LoadTest.Measurement;

namespace Search.LoadTest.Http;

/// <summary>
/// What one fixed rate gave. <see cref="Latency"/> runs from each request's scheduled send time, so time a request spent
/// waiting behind slow ones counts (wrk2's correction for coordinated omission); <see cref="ServiceTime"/> runs from the
/// moment it was actually sent, as a closed-loop tool would report it.
/// </summary>
public sealed record RateResult(
    int TargetRate,
    int Scheduled,
    int Succeeded,
    int Failed,
    IReadOnlyDictionary<string, int> FailureKinds,
    double AchievedRate,
    LatencyStats Latency,
    LatencyStats ServiceTime,
    double MaxSendLagMs)
{
    public double ErrorRate => Scheduled == 0 ? 0 : (double)Failed / Scheduled;
}
