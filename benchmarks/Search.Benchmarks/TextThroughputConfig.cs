using BenchmarkDotNet.Configs;

namespace Search.Benchmarks;

/// <summary>Adds the <see cref="TextThroughputColumn"/> to the default configuration.</summary>
public sealed class TextThroughputConfig : ManualConfig
{
    public TextThroughputConfig()
    {
        AddColumn(new TextThroughputColumn());
    }
}
