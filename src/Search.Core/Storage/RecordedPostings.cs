using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Postings of several terms, in the order they were given, to be given on later (<see cref="WriteTerm"/>), copied
/// (<see cref="Append"/>) or several written as one (<see cref="WriteUnion"/>). Held as the postings format holds them,
/// deltas in variable-length bytes (per document: its number's distance from the term's last, its frequency plus one,
/// 0 for a field without frequencies, then, when the field has them, each occurrence's position's distance from the
/// last and its offsets), in blocks of 64 KB: a flush records every exact form of a segment, and as flat integers in
/// one array that took four times the bytes and, growing, twice that again at once. Receives postings as a
/// <see cref="PostingsConsumer"/>; payloads are not kept (none of our fields has them).
/// </summary>
internal sealed class RecordedPostings : PostingsConsumer
{
    private const int BlockBits = 16;
    private const int BlockMask = (1 << BlockBits) - 1;

    private readonly List<byte[]> _blocks = [];
    private byte[]? _current;
    private long _currentStart;
    private readonly List<(long Start, long End)> _terms = [];
    private long _length;
    private long _termStart;
    private int[] _occurrences = new int[64];
    private long[] _sortKeys = [];
    private int[] _sortCopy = [];
    private int _lastDoc;
    private int _lastPosition;
    private int _lastStartOffset;
    private readonly bool _positions;
    private readonly bool _offsets;

    /// <summary>Postings with positions, and offsets when <paramref name="offsets"/>.</summary>
    public RecordedPostings(bool offsets)
        : this(offsets ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS)
    {
    }

    /// <summary>Postings of a field indexed with <paramref name="options"/>.</summary>
    public RecordedPostings(IndexOptions options)
    {
        if (options is not (IndexOptions.DOCS_ONLY or IndexOptions.DOCS_AND_FREQS or IndexOptions.DOCS_AND_FREQS_AND_POSITIONS or IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options, "Only indexed fields have postings.");
        }

        Options = options;
        _positions = options is IndexOptions.DOCS_AND_FREQS_AND_POSITIONS or IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
        _offsets = options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
    }

    public IndexOptions Options { get; }

    public int Count => _terms.Count;

    /// <summary>Bytes recorded since the last <see cref="Clear"/>.</summary>
    public long Length => _length;

    /// <summary>Forgets every term, keeping the blocks for the next ones.</summary>
    public void Clear()
    {
        _terms.Clear();
        _length = 0;
        _current = null;
    }

    public void StartTerm()
    {
        _termStart = _length;
        _lastDoc = 0;
    }

    /// <returns>The term's number, for <see cref="WriteUnion"/>.</returns>
    public int FinishTerm()
    {
        _terms.Add((_termStart, _length));
        return _terms.Count - 1;
    }

    /// <param name="freq">The document's frequency; -1 for a field without frequencies, as Lucene gives it.</param>
    public override void StartDoc(int docId, int freq)
    {
        Write(docId - _lastDoc);
        Write(freq + 1);
        _lastDoc = docId;
        _lastPosition = 0;
        _lastStartOffset = 0;
    }

    public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
    {
        if (payload is { Length: > 0 })
        {
            throw new NotSupportedException("Postings with payloads cannot be recorded.");
        }

        if (!_positions)
        {
            throw new InvalidOperationException($"A field indexed {Options} has no positions to record.");
        }

        Write(position - _lastPosition);
        _lastPosition = position;
        if (_offsets)
        {
            Write(ZigZag(startOffset - _lastStartOffset));
            Write(ZigZag(endOffset - startOffset));
            _lastStartOffset = startOffset;
        }
    }

    public override void FinishDoc()
    {
    }

    /// <summary>Gives recorded term <paramref name="term"/>'s postings to <paramref name="consumer"/> as they were
    /// given here.</summary>
    public void WriteTerm(PostingsConsumer consumer, int term)
    {
        var (at, end) = _terms[term];
        var doc = 0;
        while (at < end)
        {
            doc += Read(ref at);
            var freq = Read(ref at) - 1;
            consumer.StartDoc(doc, freq);
            if (_positions)
            {
                var position = 0;
                var startOffset = 0;
                for (var j = 0; j < freq; j++)
                {
                    position += Read(ref at);
                    if (_offsets)
                    {
                        startOffset += UnZigZag(Read(ref at));
                        consumer.AddPosition(position, null!, startOffset, startOffset + UnZigZag(Read(ref at)));
                    }
                    else
                    {
                        consumer.AddPosition(position, null!, -1, -1);
                    }
                }
            }

            consumer.FinishDoc();
        }
    }

    /// <summary>
    /// Records <paramref name="source"/>'s term <paramref name="term"/> as the postings of the term started here, by
    /// copying its bytes: what giving them through <see cref="StartDoc"/> and <see cref="AddPosition"/> would record,
    /// each term's deltas starting afresh. A stem that only one exact form of a flushed segment has is that form's
    /// postings.
    /// </summary>
    public void Append(RecordedPostings source, int term)
    {
        if (source.Options != Options)
        {
            throw new ArgumentException($"Postings recorded {source.Options} cannot be copied into postings recorded {Options}.", nameof(source));
        }

        var (start, end) = source._terms[term];
        while (start < end)
        {
            var block = source._blocks[(int)(start >> BlockBits)];
            var offset = (int)(start & BlockMask);
            var count = (int)Math.Min(end - start, block.Length - offset);
            WriteBytes(block.AsSpan(offset, count));
            start += count;
        }
    }

    /// <summary>
    /// Writes recorded terms <paramref name="terms"/> (of this recording, or of <paramref name="other"/> when negative:
    /// -1 is its term 0) as one term: each document in any of them once, with the sum of its frequencies and all its
    /// positions in order.
    /// </summary>
    /// <returns>The term's document frequency and total term frequency.</returns>
    public TermStats WriteUnion(PostingsConsumer consumer, ReadOnlySpan<int> terms, RecordedPostings? other = null)
    {
        if (!_positions)
        {
            throw new InvalidOperationException("Only postings with positions are written as unions.");
        }

        if (other is not null && other._offsets != _offsets)
        {
            throw new ArgumentException("Both postings must be recorded with offsets or both without.", nameof(other));
        }

        var count = terms.Length;
        // A cursor a term: where it reads, where it ends, the document it is at and that document's frequency.
        Span<long> at = count <= 32 ? stackalloc long[count] : new long[count];
        Span<long> end = count <= 32 ? stackalloc long[count] : new long[count];
        Span<int> docs = count <= 32 ? stackalloc int[count] : new int[count];
        Span<int> freqs = count <= 32 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            var source = Source(terms[i], other);
            (at[i], end[i]) = source._terms[terms[i] >= 0 ? terms[i] : -terms[i] - 1];
            docs[i] = 0;
            source.NextDoc(ref at[i], end[i], ref docs[i], out freqs[i]);
        }

        var stride = _offsets ? 3 : 1;
        var occurrences = _occurrences;
        var docFreq = 0;
        long totalTermFreq = 0;
        while (true)
        {
            var doc = int.MaxValue;
            foreach (var candidate in docs)
            {
                doc = Math.Min(doc, candidate);
            }

            if (doc == int.MaxValue)
            {
                break;
            }

            var freq = 0;
            var parts = 0;
            for (var i = 0; i < count; i++)
            {
                if (docs[i] != doc)
                {
                    continue;
                }

                var source = Source(terms[i], other);
                if (occurrences.Length < (freq + freqs[i]) * stride)
                {
                    Array.Resize(ref occurrences, 2 * (freq + freqs[i]) * stride);
                    _occurrences = occurrences;
                }

                source.ReadOccurrences(ref at[i], freqs[i], occurrences.AsSpan(freq * stride, freqs[i] * stride));
                freq += freqs[i];
                parts++;
                source.NextDoc(ref at[i], end[i], ref docs[i], out freqs[i]);
            }

            if (parts > 1)
            {
                SortByPosition(occurrences, freq, stride);
            }

            consumer.StartDoc(doc, freq);
            for (var j = 0; j < freq * stride; j += stride)
            {
                consumer.AddPosition(occurrences[j], null!, stride == 3 ? occurrences[j + 1] : -1, stride == 3 ? occurrences[j + 2] : -1);
            }

            consumer.FinishDoc();
            docFreq++;
            totalTermFreq += freq;
        }

        return new TermStats(docFreq, totalTermFreq);
    }

    private RecordedPostings Source(int term, RecordedPostings? other) => term >= 0 ? this : other!;

    /// <summary>Reads the next document's number and frequency; sets <paramref name="doc"/> to int.MaxValue at the
    /// term's end.</summary>
    private bool NextDoc(ref long at, long end, ref int doc, out int freq)
    {
        if (at >= end)
        {
            doc = int.MaxValue;
            freq = 0;
            return false;
        }

        doc += Read(ref at);
        freq = Read(ref at) - 1;
        return true;
    }

    /// <summary>Reads a document's <paramref name="freq"/> occurrences into <paramref name="into"/> (position, and
    /// offsets when recorded, each).</summary>
    private void ReadOccurrences(ref long at, int freq, Span<int> into)
    {
        var stride = _offsets ? 3 : 1;
        var position = 0;
        var startOffset = 0;
        for (var j = 0; j < freq; j++)
        {
            ReadOccurrence(ref at, ref position, ref startOffset, into.Slice(j * stride, stride));
        }
    }

    private void ReadOccurrence(ref long at, ref int position, ref int startOffset, Span<int> into)
    {
        position += Read(ref at);
        into[0] = position;
        if (_offsets)
        {
            startOffset += UnZigZag(Read(ref at));
            into[1] = startOffset;
            into[2] = startOffset + UnZigZag(Read(ref at));
        }
    }

    /// <summary>Orders <paramref name="count"/> occurrences by position, keeping each one's offsets with it.</summary>
    private void SortByPosition(int[] occurrences, int count, int stride)
    {
        if (stride == 1)
        {
            Array.Sort(occurrences, 0, count);
            return;
        }

        // Position first, then the order given, so equal positions keep their order. Scratch arrays kept from document
        // to document: a union sorts once per document in which two forms of its stem occur.
        if (_sortKeys.Length < count)
        {
            _sortKeys = new long[2 * count];
            _sortCopy = new int[2 * count * stride];
        }

        var keys = _sortKeys.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((long)occurrences[i * stride] << 32) | (uint)i;
        }

        keys.Sort();
        var given = _sortCopy.AsSpan(0, count * stride);
        occurrences.AsSpan(0, count * stride).CopyTo(given);
        for (var i = 0; i < count; i++)
        {
            given.Slice((int)(keys[i] & uint.MaxValue) * stride, stride).CopyTo(occurrences.AsSpan(i * stride));
        }
    }

    private static int ZigZag(int value) => (value << 1) ^ (value >> 31);

    private static int UnZigZag(int value) => (int)((uint)value >> 1) ^ -(value & 1);

    private void Write(int value)
    {
        // Within the current block (all but its last few bytes), without a block lookup a byte.
        if (_current is { } block && _length - _currentStart <= BlockMask - 4)
        {
            var offset = (int)(_length - _currentStart);
            var bits = (uint)value;
            var start = offset;
            while (bits >= 0x80)
            {
                block[offset++] = (byte)(bits | 0x80);
                bits >>= 7;
            }

            block[offset++] = (byte)bits;
            _length += offset - start;
            return;
        }

        var rest = (uint)value;
        while (rest >= 0x80)
        {
            WriteByte((byte)(rest | 0x80));
            rest >>= 7;
        }

        WriteByte((byte)rest);
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var block = (int)(_length >> BlockBits);
            if (block == _blocks.Count)
            {
                _blocks.Add(new byte[1 << BlockBits]);
            }

            _current = _blocks[block];
            _currentStart = (long)block << BlockBits;
            var offset = (int)(_length & BlockMask);
            var count = Math.Min(bytes.Length, _current.Length - offset);
            bytes[..count].CopyTo(_current.AsSpan(offset));
            _length += count;
            bytes = bytes[count..];
        }
    }

    private void WriteByte(byte value)
    {
        var block = (int)(_length >> BlockBits);
        if (block == _blocks.Count)
        {
            _blocks.Add(new byte[1 << BlockBits]);
        }

        _current = _blocks[block];
        _currentStart = (long)block << BlockBits;
        _current[(int)(_length & BlockMask)] = value;
        _length++;
    }

    private int Read(ref long at)
    {
        var block = _blocks[(int)(at >> BlockBits)];
        var offset = (int)(at & BlockMask);
        if (offset <= BlockMask - 4)
        {
            // Within one block (all but its last few bytes), as in Write.
            var start = offset;
            uint value = 0;
            var shift = 0;
            while (true)
            {
                var b = block[offset++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    at += offset - start;
                    return (int)value;
                }

                shift += 7;
            }
        }

        return ReadAcrossBlocks(ref at);
    }

    private int ReadAcrossBlocks(ref long at)
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var b = _blocks[(int)(at >> BlockBits)][(int)(at & BlockMask)];
            at++;
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)value;
            }

            shift += 7;
        }
    }
}
