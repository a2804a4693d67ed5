using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Spelling;

/// <summary>
/// Each segment's <see cref="WordTrie"/>, built on first use (or ahead, by the warmers a serving index registers) and
/// kept until the segment is merged away, as suggestions are: segments never change, and entries die with their
/// segment's core key. A build that fails is not kept, so the next use tries again. One per index; thread-safe.
/// </summary>
internal sealed class WordTries
{
    private readonly ConditionalWeakTable<object, Lazy<WordTrie>> _segments = new();
    private long _builds;

    /// <summary>Segment builds so far, for tests of when they happen.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    public WordTrie For(AtomicReader segment)
    {
        var key = segment.CoreCacheKey;
        var lazy = _segments.GetValue(key, _ => new Lazy<WordTrie>(() =>
        {
            Interlocked.Increment(ref _builds);
            return WordTrie.Of(segment);
        }));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _segments.Remove(key);
            throw;
        }
    }

    /// <summary>Builds the tries of every segment of <paramref name="reader"/> not built yet.</summary>
    public void Prepare(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            For(leaf.AtomicReader);
        }
    }
}
