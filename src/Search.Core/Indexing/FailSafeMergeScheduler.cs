using Lucene.Net.Index;

namespace Search.Core.Indexing;

/// <summary>
/// Lucene's concurrent merges, with each failed merge (a full disk, most often) counted for operators
/// (<c>search.index.merge.failures</c>): Lucene.Net's <see cref="ConcurrentMergeScheduler"/> rethrows the failure on
/// its own merge thread, where nobody sees it. The writer has removed the merge's partial files by then; its segments
/// stay as they were and count in searches, and a later merge tries again.
/// </summary>
internal sealed class FailSafeMergeScheduler(Action<Exception> onFailure) : ConcurrentMergeScheduler
{
    /// <summary>Lucene's own pause after a failed merge, so that a lasting cause does not spin the merge threads.</summary>
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(250);

    protected override void HandleMergeException(Exception exc)
    {
        onFailure(exc);
        Thread.Sleep(PauseAfterFailure);
    }
}
