namespace Search.Core.Writing;

/// <summary>
/// The durable, ordered record of every write: the seam between acknowledging a write and indexing it. A write is
/// acknowledged once the log holds it; indexes follow the log in order and record how far they got in their commits,
/// so after a crash they resume from there. The embedded service keeps the log in local files
/// (<see cref="FileArticleLog"/>); a database shared by many nodes takes its place through
/// <see cref="ISharedArticleLog"/> without the API or the engine changing.
/// </summary>
public interface IArticleLog : IAsyncDisposable
{
    /// <summary>
    /// Appends the changes in order. When the task completes they survive a crash of the process or the machine; many
    /// concurrent appends share one flush to disk.
    /// </summary>
    /// <returns>The positions given, and what each change did when the log knows it.</returns>
    /// <exception cref="IOException">The changes could not be made durable; none of them was appended (or, when the
    /// log lost its connection while committing, it cannot tell: the caller must treat them as unacknowledged).</exception>
    Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes after <paramref name="afterSequence"/>, in order and in batches, first those already logged and then
    /// each new one as it becomes durable, until cancelled. The batches follow one another without a gap; a log that
    /// depends on a connection keeps retrying through outages rather than ending the enumeration.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>Tells the log that an index commit holds every change up to <paramref name="sequence"/>: the log may
    /// drop them.</summary>
    void Checkpoint(long sequence);

    /// <summary>How much the log holds.</summary>
    ArticleLogStatistics Statistics();
}
