using Lucene.Net.Index;
using Search.Core.Segments;

namespace Search.Core.Spelling;

/// <summary>
/// Each segment's <see cref="WordTrie"/>, built on first use (or ahead, by the warmers a serving index registers) and
/// kept until the segment is merged away, as suggestions are (<see cref="SegmentCache{T}"/>). One per index;
/// thread-safe.
/// </summary>
internal sealed class WordTries
{
    private readonly SegmentCache<WordTrie> _segments = new();

    /// <summary>Segment builds so far, for tests of when they happen.</summary>
    public long Builds => _segments.Builds;

    public WordTrie For(AtomicReader segment) => _segments.For(segment, WordTrie.Of);

    /// <summary>Builds the tries of every segment of <paramref name="reader"/> not built yet.</summary>
    public void Prepare(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            For(leaf.AtomicReader);
        }
    }
}
