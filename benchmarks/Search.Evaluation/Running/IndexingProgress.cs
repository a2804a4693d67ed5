using System.Diagnostics;
using System.Globalization;

namespace Search.Evaluation.Running;

/// <summary>Writes "[configuration] indexed n/total" lines every <see cref="Step"/> documents and at the end. One
/// instance per configuration; the writer must be synchronized when configurations run in parallel.</summary>
public sealed class IndexingProgress(string name, int total, TextWriter log) : IProgress<int>
{
    public const int Step = 5000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _reported;

    public void Report(int value)
    {
        if (value < _reported + Step && value < total)
        {
            return;
        }

        if (value == _reported)
        {
            return;
        }

        _reported = value;
        var rate = value / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{name}] indexed {value:N0}/{total:N0} ({rate:N0} docs/s)"));
    }
}
