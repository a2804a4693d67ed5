namespace Search.Core.Indexing;

/// <summary>Where a running import stands.</summary>
/// <param name="TextChars">Characters of title, lead and body indexed so far, for throughput in MB/s.</param>
public sealed record ImportProgress(long Indexed, long Skipped, long TextChars, TimeSpan Elapsed)
{
    public double DocsPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;
}
