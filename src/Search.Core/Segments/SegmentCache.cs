using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Segments;

/// <summary>
/// One value a segment, built on first use and kept until the segment is merged away: segments never change, and
/// entries die with their segment's core key. Concurrent first uses build once. A build that fails is not kept, so the
/// next use tries again. Thread-safe.
/// </summary>
internal sealed class SegmentCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<object, Lazy<T>> _segments = new();
    private long _builds;

    /// <summary>Segment builds so far, for tests of when they happen.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    public T For(AtomicReader segment, Func<AtomicReader, T> build)
    {
        var key = segment.CoreCacheKey;
        var lazy = _segments.GetValue(key, _ => new Lazy<T>(() =>
        {
            Interlocked.Increment(ref _builds);
            return build(segment);
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
}
