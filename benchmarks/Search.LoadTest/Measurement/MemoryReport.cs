using System.Diagnostics;

namespace Search.LoadTest.Measurement;

/// <summary>Process and GC memory figures for a report.</summary>
public static class MemoryReport
{
    private const double MiB = 1024.0 * 1024.0;

    public static void Print(TextWriter output, MemorySampler? sampler = null)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        output.WriteLine($"peak working set:      {process.PeakWorkingSet64 / MiB,10:N0} MiB (Process.PeakWorkingSet64)");
        if (sampler is not null)
        {
            output.WriteLine($"peak managed heap:     {sampler.PeakHeapBytes / MiB,10:N0} MiB (sampled every 250 ms)");
            output.WriteLine($"peak GC committed:     {sampler.PeakCommittedBytes / MiB,10:N0} MiB (sampled every 250 ms)");
        }

        output.WriteLine($"GC heap after last GC: {info.HeapSizeBytes / MiB,10:N0} MiB, committed {info.TotalCommittedBytes / MiB:N0} MiB");
        output.WriteLine($"allocated in total:    {GC.GetTotalAllocatedBytes() / MiB,10:N0} MiB");
        output.WriteLine($"collections:           gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}; total pause {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms");
    }
}
