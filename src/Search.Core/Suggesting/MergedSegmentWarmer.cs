using Lucene.Net.Index;

namespace Search.Core.Suggesting;

/// <summary>
/// Builds a merged segment's suggestions in the merge thread, before any searcher sees the segment, so that a merge
/// never leaves a reader's next keystroke waiting for a build (a full merge of the shared corpus rebuilds every title).
/// A failure is only a missed head start: the first suggestion for the segment builds it again and reports it.
/// </summary>
internal sealed class MergedSegmentWarmer(Suggester suggester) : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader)
    {
        try
        {
            suggester.Prepare(reader);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A warmer that throws fails the merge.
        }
    }
}
