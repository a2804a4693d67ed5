namespace Search.Core.Feeds;

/// <summary>
/// How long a failing feed waits before its next poll: its interval, doubled with each consecutive failure, capped;
/// then "equal jitter" (half the delay fixed, half random), so feeds that failed together do not retry together.
/// </summary>
public static class FeedBackoff
{
    /// <param name="consecutiveFailures">1 after the first failure.</param>
    /// <param name="random">Uniform in [0, 1).</param>
    public static TimeSpan Delay(int consecutiveFailures, TimeSpan interval, TimeSpan max, double random)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var full = TimeSpan.FromTicks((long)Math.Min(max.Ticks, interval.Ticks * Math.Pow(2, doublings)));
        return full / 2 + full / 2 * random;
    }
}
