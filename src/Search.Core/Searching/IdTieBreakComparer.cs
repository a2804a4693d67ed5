using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Searching;

/// <summary>
/// Orders hits by id, ascending, as Lucene's string sort does, for the tie-break after score or date. Lucene's own
/// comparer reads the id's bytes for every hit that enters the queue, so that it can compare across segments later: a
/// seek in the compressed doc values each time, 7 % of a question's CPU samples (perf, XQuAD-ar questions), though the
/// id decides only between hits of equal score. This one keeps each hit's ordinal in its segment and reads the bytes
/// only when two hits of different segments tie, or when the page is filled in.
/// </summary>
internal sealed class IdTieBreakComparer(int slots, string field) : FieldComparer<BytesRef>
{
    private readonly int[] _ords = new int[slots];
    private readonly int[] _segments = new int[slots];
    private readonly BytesRef?[] _values = new BytesRef?[slots];
    private readonly List<SortedDocValues> _segmentValues = [];
    private SortedDocValues? _current;
    private int _currentSegment = -1;
    private int _bottom;
    private BytesRef? _top;

    public override int Compare(int slot1, int slot2) =>
        _segments[slot1] == _segments[slot2] ? _ords[slot1].CompareTo(_ords[slot2]) : CompareBytes(Value(slot1), Value(slot2));

    public override void SetBottom(int slot) => _bottom = slot;

    public override int CompareBottom(int doc) =>
        _segments[_bottom] == _currentSegment ? _ords[_bottom].CompareTo(Current.GetOrd(doc)) : CompareBytes(Value(_bottom), BytesOf(doc));

    public override void SetTopValue(BytesRef value) => _top = value;

    public override int CompareTop(int doc) => CompareBytes(_top, BytesOf(doc));

    public override void Copy(int slot, int doc)
    {
        _ords[slot] = Current.GetOrd(doc);
        _segments[slot] = _currentSegment;
        _values[slot] = null;
    }

    public override FieldComparer SetNextReader(AtomicReaderContext context)
    {
        _current = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, field);
        _segmentValues.Add(_current);
        _currentSegment = _segmentValues.Count - 1;
        return this;
    }

    public override BytesRef this[int slot] => Value(slot)!;

    private SortedDocValues Current => _current ?? throw new InvalidOperationException("No segment was set.");

    /// <summary>The slot's id, read once from its segment; null for a hit without one (sorted first, as Lucene does).</summary>
    private BytesRef? Value(int slot)
    {
        if (_values[slot] is null && _ords[slot] >= 0)
        {
            var bytes = new BytesRef();
            _segmentValues[_segments[slot]].LookupOrd(_ords[slot], bytes);
            _values[slot] = BytesRef.DeepCopyOf(bytes);
        }

        return _values[slot];
    }

    private BytesRef? BytesOf(int doc)
    {
        var ord = Current.GetOrd(doc);
        if (ord < 0)
        {
            return null;
        }

        var bytes = new BytesRef();
        Current.LookupOrd(ord, bytes);
        return bytes;
    }

    private static int CompareBytes(BytesRef? a, BytesRef? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b);
}
