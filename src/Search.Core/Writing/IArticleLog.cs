namespace Search.Core.Writing;

/// <summary>
/// The durable, ordered record of every write: the seam between acknowledging a write and indexing it. A write is
/// acknowledged once the log holds it; indexes follow the log in order and record how far they got in their commits,
/// so after a crash they resume from there. The embedded service keeps the log in local files
/// (<see cref="FileArticleLog"/>); a replicated store can take its place without the API or the engine changing.
/// </summary>
public interface IArticleLog : IAsyncDisposable
{
    /// <summary>
    /// Appends the changes in order. When the task completes they survive a crash of the process or the machine; many
    /// concurrent appends share one flush to disk.
    /// </summary>
    /// <exception cref="IOException">The changes could not be made durable; none of them was appended.</exception>
    Task<SequenceRange> AppendAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes after <paramref name="afterSequence"/>, in order and in batches, first those already logged and then
    /// each new one as it becomes durable, until cancelled.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>Tells the log that an index commit holds every change up to <paramref name="sequence"/>: the log may
    /// drop them.</summary>
    void Checkpoint(long sequence);

    /// <summary>How much the log holds.</summary>
    ArticleLogStatistics Statistics();
}
