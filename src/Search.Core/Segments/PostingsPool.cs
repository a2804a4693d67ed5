using Lucene.Net.Index;

namespace Search.Core.Segments;

/// <summary>
/// Postings enumerators of the index's segments, handed back by searches that are through with them and lent to the
/// next, which Lucene then resets to another term instead of allocating anew (each holds about 1.5 KB of block buffers,
/// 2.5 KB with positions, and a question opens some 60). An enumerator only serves the segment core it came from, and
/// Lucene makes a new one when a lent one does not fit the field. Thread-safe.
/// </summary>
internal sealed class PostingsPool
{
    /// <summary>
    /// Enumerators kept a segment and kind at most: a question opens some 60 of documents and 30 of positions a segment,
    /// so four questions at once find theirs, and a segment keeps at most about 1 MB of them.
    /// </summary>
    public const int Capacity = 256;

    private readonly SegmentCache<Spares> _segments = new();
    private long _lent;

    /// <summary>Spare enumerators lent so far, for tests.</summary>
    public long Lent => Interlocked.Read(ref _lent);

    /// <summary>A spare enumerator of documents of the segment, or null.</summary>
    public DocsEnum? RentDocs(AtomicReader segment) => Counted(SparesOf(segment).Docs.Take());

    /// <summary>A spare enumerator of positions of the segment, or null.</summary>
    public DocsAndPositionsEnum? RentPositions(AtomicReader segment) => Counted(SparesOf(segment).Positions.Take());

    /// <summary>Keeps <paramref name="postings"/> for a later search of the same segment; nothing may use it after.</summary>
    public void GiveBack(AtomicReader segment, DocsEnum postings)
    {
        var spares = SparesOf(segment);
        if (postings is DocsAndPositionsEnum positions)
        {
            spares.Positions.Put(positions);
        }
        else
        {
            spares.Docs.Put(postings);
        }
    }

    private T? Counted<T>(T? spare)
        where T : class
    {
        if (spare is not null)
        {
            Interlocked.Increment(ref _lent);
        }

        return spare;
    }

    private Spares SparesOf(AtomicReader segment) => _segments.For(segment, _ => new Spares());

    private sealed class Spares
    {
        public Shelf<DocsEnum> Docs { get; } = new();

        public Shelf<DocsAndPositionsEnum> Positions { get; } = new();
    }

    private sealed class Shelf<T>
        where T : class
    {
        private readonly Stack<T> _items = new();

        public T? Take()
        {
            lock (_items)
            {
                return _items.TryPop(out var item) ? item : null;
            }
        }

        public void Put(T item)
        {
            lock (_items)
            {
                if (_items.Count < Capacity)
                {
                    _items.Push(item);
                }
            }
        }
    }
}
