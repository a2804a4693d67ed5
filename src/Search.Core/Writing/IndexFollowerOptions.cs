namespace Search.Core.Writing;

/// <summary>How an <see cref="IndexFollower"/> applies and commits.</summary>
public sealed record IndexFollowerOptions
{
    /// <summary>Threads that analyze a batch of changes at once. One core is left to the rest of the write path: the
    /// refresh, which flushes a segment each second on its own thread, merges, and reading and logging requests. With
    /// every core applying, the refresh flushed in their way and they waited on it and on each other.</summary>
    public int ApplyThreads { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>How often applied changes are committed to the index, which lets the log drop them and bounds what a
    /// restart replays. Durability does not depend on it: the log already holds every acknowledged change.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before applying again after the index could not take a change (a full disk).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
