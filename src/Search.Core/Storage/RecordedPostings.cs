using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Postings of several terms, in the order they were given, held as flat integers (per document: its number, its
/// frequency, then each occurrence's position, and its start and end offsets when the field has them) so two terms' postings can be written as one
/// (<see cref="WriteUnion"/>). Receives postings as a <see cref="PostingsConsumer"/>; payloads are not kept (none of
/// our fields has them).
/// </summary>
internal sealed class RecordedPostings(bool offsets) : PostingsConsumer
{
    private readonly int _stride = offsets ? 3 : 1;
    private readonly List<(int TextStart, int TextLength, int Start, int End)> _terms = [];
    private byte[] _text = new byte[4096];
    private int _textLength;
    private int[] _values = new int[4096];
    private int _length;
    private int _termStart;
    private int _termTextStart;
    private int _termTextLength;

    public int Count => _terms.Count;

    public void Clear()
    {
        _terms.Clear();
        _textLength = 0;
        _length = 0;
    }

    /// <summary>Starts a term recorded under <paramref name="text"/> from byte <paramref name="skip"/> on.</summary>
    public void StartTerm(BytesRef text, int skip)
    {
        var length = text.Length - skip;
        if (_textLength + length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + length));
        }

        Array.Copy(text.Bytes, text.Offset + skip, _text, _textLength, length);
        _termTextStart = _textLength;
        _termTextLength = length;
        _textLength += length;
        _termStart = _length;
    }

    public void FinishTerm() => _terms.Add((_termTextStart, _termTextLength, _termStart, _length));

    /// <summary>The text of recorded term <paramref name="term"/>, valid until the next <see cref="StartTerm"/>.</summary>
    public BytesRef Text(int term) => new(_text, _terms[term].TextStart, _terms[term].TextLength);

    public override void StartDoc(int docId, int freq)
    {
        Add(docId);
        Add(freq);
    }

    public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
    {
        if (payload is { Length: > 0 })
        {
            throw new NotSupportedException("Postings with payloads cannot be recorded.");
        }

        Add(position);
        if (_stride == 3)
        {
            Add(startOffset);
            Add(endOffset);
        }
    }

    public override void FinishDoc()
    {
    }

    /// <summary>
    /// Writes term <paramref name="term"/> of <paramref name="first"/> (or nothing when -1) and term
    /// <paramref name="otherTerm"/> of <paramref name="other"/> as one term: each document in either once, with the
    /// sum of its frequencies and its positions in order.
    /// </summary>
    /// <returns>The term's document frequency and total term frequency.</returns>
    public static TermStats WriteUnion(PostingsConsumer consumer, RecordedPostings first, int term, RecordedPostings other, int otherTerm)
    {
        if (first._stride != other._stride)
        {
            throw new ArgumentException("Both postings must be recorded with offsets or both without.", nameof(other));
        }

        var stride = first._stride;
        var (a, endA) = term < 0 ? (0, 0) : (first._terms[term].Start, first._terms[term].End);
        var (b, endB) = (other._terms[otherTerm].Start, other._terms[otherTerm].End);
        var x = first._values;
        var y = other._values;
        var docFreq = 0;
        long totalTermFreq = 0;
        while (a < endA || b < endB)
        {
            var docA = a < endA ? x[a] : int.MaxValue;
            var docB = b < endB ? y[b] : int.MaxValue;
            var freqA = docA <= docB ? x[a + 1] : 0;
            var freqB = docB <= docA ? y[b + 1] : 0;
            consumer.StartDoc(Math.Min(docA, docB), freqA + freqB);
            if (freqA > 0)
            {
                a += 2;
            }

            if (freqB > 0)
            {
                b += 2;
            }

            var lastA = a + (stride * freqA);
            var lastB = b + (stride * freqB);
            while (a < lastA || b < lastB)
            {
                if (b >= lastB || (a < lastA && x[a] <= y[b]))
                {
                    consumer.AddPosition(x[a], null!, stride == 3 ? x[a + 1] : -1, stride == 3 ? x[a + 2] : -1);
                    a += stride;
                }
                else
                {
                    consumer.AddPosition(y[b], null!, stride == 3 ? y[b + 1] : -1, stride == 3 ? y[b + 2] : -1);
                    b += stride;
                }
            }

            consumer.FinishDoc();
            docFreq++;
            totalTermFreq += freqA + freqB;
        }

        return new TermStats(docFreq, totalTermFreq);
    }

    private void Add(int value)
    {
        if (_length == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_length++] = value;
    }
}
