using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Lucene.Net.Index;

namespace Search.LoadTest.Measurement;

/// <summary>The machine and runtime a figure was measured on, printed at the top of every command's report.</summary>
public static class RunEnvironment
{
    public static void Print(TextWriter output)
    {
        output.WriteLine($"# date (UTC):  {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}");
        output.WriteLine($"# machine:     {Environment.ProcessorCount} logical cores, {CpuModel()}, {TotalMemoryGiB():F1} GiB RAM");
        output.WriteLine($"# os:          {RuntimeInformation.OSDescription}");
        output.WriteLine($"# runtime:     {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, latency mode {GCSettings.LatencyMode}, gen-0 budget {Gen0Budget()}, call counting delay {CallCountingDelay()}");
        output.WriteLine($"# lucene.net:  {LuceneVersion()}");
        output.WriteLine($"# load:        {LoadAverage()} (1, 5, 15 min; other processes on these cores skew every figure)");
    }

    /// <summary>CPU time this process has used so far (user and kernel).</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU this process used since <paramref name="cpuAtStart"/> against the wall clock, and the machine's load:
    /// fewer busy cores than threads at work means something else had the CPU.</summary>
    public static void PrintCpu(TextWriter output, TimeSpan cpuAtStart, TimeSpan wall)
    {
        var cpu = ProcessorTime() - cpuAtStart;
        output.WriteLine($"process CPU:           {cpu.TotalSeconds,10:F1} s in {wall.TotalSeconds:F1} s wall ({cpu.TotalSeconds / Math.Max(0.001, wall.TotalSeconds):F2} cores busy); load average now {LoadAverage()}");
    }

    /// <summary>The gen-0 budget the environment sets (<c>DOTNET_GCgen0size</c>, as the service's launch settings do), or
    /// the runtime's own: it moves the search tail more than most code changes (Search.Api.csproj).</summary>
    private static string Gen0Budget() =>
        Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } size ? $"DOTNET_GCgen0size={size}" : "the runtime's";

    /// <summary>When tiered compilation starts counting calls (<c>DOTNET_TC_CallCountingDelayMs</c>, as the service's
    /// launch settings set it), or the runtime's 100 ms: it decides how long a fresh process runs unoptimized code.</summary>
    private static string CallCountingDelay() =>
        Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") is { Length: > 0 } delay ? $"DOTNET_TC_CallCountingDelayMs={delay}" : "the runtime's";

    public static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3)) : "n/a";
    }

    public static string LuceneVersion() =>
        typeof(IndexWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(IndexWriter).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double TotalMemoryGiB()
    {
        const string memInfo = "/proc/meminfo";
        var line = File.Exists(memInfo) ? File.ReadLines(memInfo).FirstOrDefault(line => line.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
        {
            return kib / (1024.0 * 1024.0);
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024.0 * 1024.0);
    }
}
