using Search.LoadTest.Measurement;

namespace Search.LoadTest.Writes;

/// <summary>What a <see cref="BulkLoad"/> gave: articles acknowledged per second of wall time, and each batch's answer
/// time (from send to answer, closed loop).</summary>
internal sealed record BulkLoadResult(int Articles, int Batches, TimeSpan Elapsed, LatencyStats BatchLatency, IReadOnlyList<string> Failures)
{
    public double ArticlesPerSecond => Articles / Elapsed.TotalSeconds;
}
