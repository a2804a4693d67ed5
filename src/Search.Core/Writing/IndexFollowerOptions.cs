namespace Search.Core.Writing;

/// <summary>How an <see cref="IndexFollower"/> applies and commits.</summary>
public sealed record IndexFollowerOptions
{
    /// <summary>Threads that analyze a batch of changes at once.</summary>
    public int ApplyThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>How often applied changes are committed to the index, which lets the log drop them and bounds what a
    /// restart replays. Durability does not depend on it: the log already holds every acknowledged change.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before applying again after the index could not take a change (a full disk).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
