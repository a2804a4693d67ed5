using Lucene.Net.Index;
using Search.Core.Spelling;
using Search.Core.Suggesting;

namespace Search.Core.Indexing;

/// <summary>
/// Builds a merged segment's suggestions and word trie in the merge thread, before any searcher sees the segment, so
/// that a merge never leaves a reader's next keystroke or misspelt word waiting for a build (a full merge of the shared
/// corpus rebuilds every title and all 240,000 words). A failure is only a missed head start: the first use of the
/// segment builds it again and reports it.
/// </summary>
internal sealed class MergedSegmentWarmer(Suggester suggester, WordTries words) : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader)
    {
        try
        {
            suggester.Prepare(reader);
            words.Prepare(reader);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A warmer that throws fails the merge.
        }
    }
}
