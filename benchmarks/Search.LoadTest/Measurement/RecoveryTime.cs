using Search.LoadTest.Http;

namespace Search.LoadTest.Measurement;

/// <summary>
/// How long after a flood ends a stream of requests takes to be as fast as it was when calm: the time from the flood's
/// end to the first request from which on no run of <see cref="Window"/> consecutive requests has a median over the
/// bound. The median of a short run ignores one request that met a garbage collection; a backlog slows every one.
/// </summary>
public static class RecoveryTime
{
    public const int Window = 5;

    /// <summary>Milliseconds from <paramref name="floodEnd"/> to recovery, 0 when the stream was already within the
    /// bound when the flood ended, or null when it never came back within the bound while observed.</summary>
    public static double? After(IReadOnlyList<RequestOutcome> outcomes, double floodEnd, double boundMs)
    {
        var after = outcomes.Where(outcome => outcome.Due >= floodEnd).OrderBy(outcome => outcome.Due).ToList();
        if (after.Count < Window)
        {
            return null;
        }

        // Walking back from the end: the earliest start of an unbroken stretch of windows within the bound.
        int? recovered = null;
        for (var i = after.Count - Window; i >= 0; i--)
        {
            var window = after.Skip(i).Take(Window).Select(Slowness).Order().ToArray();
            if (window[Window / 2] > boundMs)
            {
                break;
            }

            recovered = i;
        }

        return recovered is { } first ? after[first].Due - floodEnd : null;
    }

    /// <summary>A request that got no answer, or not a 200, counts as slow.</summary>
    private static double Slowness(RequestOutcome outcome) => outcome.Status == 200 ? outcome.Latency : double.PositiveInfinity;
}
