using Search.Core.Ingestion;

namespace Search.Core.Writing;

/// <summary>
/// Every article a shared store held at one moment (<see cref="ISharedArticleLog.OpenSnapshotAsync"/>), streamed
/// rather than loaded, each with the log position that wrote it. Changes after <see cref="Sequence"/> are not in it;
/// a node loads it, then follows the log from there.
/// </summary>
/// <remarks><see cref="Articles"/> may be enumerated once, on one thread, and blocks while rows arrive. Dispose it to
/// end the read.</remarks>
public sealed class ArticleSnapshot(long sequence, long count, IEnumerable<IngestResult> articles, IAsyncDisposable reader) : IAsyncDisposable
{
    /// <summary>The snapshot holds every change up to this position, and none after.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>How many articles it holds, for progress.</summary>
    public long Count { get; } = count;

    public IEnumerable<IngestResult> Articles { get; } = articles;

    public ValueTask DisposeAsync() => reader.DisposeAsync();
}
