namespace Search.Postgres;

/// <summary>Pauses between attempts to reach the database: 100 ms doubling to a cap, with jitter so that nodes cut off
/// by one restart do not all knock at once.</summary>
internal sealed class Backoff(TimeSpan max)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    private int _failures;

    public void Reset() => _failures = 0;

    public TimeSpan Next()
    {
        var failures = Math.Min(++_failures, 16);
        var delay = Math.Min(First.TotalMilliseconds * Math.Pow(2, failures - 1), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.75 + Random.Shared.NextDouble() * 0.5));
    }
}
