using System.Diagnostics;

namespace Search.LoadTest.Measurement;

/// <summary>
/// Samples the managed heap and the GC's committed memory a few times a second, since the runtime only reports them as
/// of now or as of the last collection; the working-set peak comes from the kernel (<see cref="Process.PeakWorkingSet64"/>).
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private long _peakHeapBytes;
    private long _peakCommittedBytes;

    public MemorySampler(TimeSpan interval)
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);
    }

    public long PeakHeapBytes
    {
        get
        {
            Sample();
            return _peakHeapBytes;
        }
    }

    public long PeakCommittedBytes
    {
        get
        {
            Sample();
            return _peakCommittedBytes;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        lock (_lock)
        {
            _peakHeapBytes = Math.Max(_peakHeapBytes, heap);
            _peakCommittedBytes = Math.Max(_peakCommittedBytes, committed);
        }
    }
}
