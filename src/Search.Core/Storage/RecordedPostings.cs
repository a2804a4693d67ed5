using Lucene.Net.Codecs;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// Postings of several terms, in the order they were given, held as flat integers (per document: its number, its
/// frequency, then each occurrence's position, and its start and end offsets when the field has them) so that several
/// terms' postings can be written as one (<see cref="WriteUnion"/>). Receives postings as a
/// <see cref="PostingsConsumer"/>; payloads are not kept (none of our fields has them).
/// </summary>
internal sealed class RecordedPostings(bool offsets) : PostingsConsumer
{
    private readonly int _stride = offsets ? 3 : 1;
    private readonly List<(int Start, int End)> _terms = [];
    private int[] _values = new int[4096];
    private int _length;
    private int _termStart;

    public int Count => _terms.Count;

    public void Clear()
    {
        _terms.Clear();
        _length = 0;
    }

    public void StartTerm() => _termStart = _length;

    /// <returns>The term's number, for <see cref="WriteUnion"/>.</returns>
    public int FinishTerm()
    {
        _terms.Add((_termStart, _length));
        return _terms.Count - 1;
    }

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
    /// Writes recorded terms <paramref name="terms"/> (of this recording, or of <paramref name="other"/> when negative:
    /// -1 is its term 0) as one term: each document in any of them once, with the sum of its frequencies and all its
    /// positions in order.
    /// </summary>
    /// <returns>The term's document frequency and total term frequency.</returns>
    public TermStats WriteUnion(PostingsConsumer consumer, ReadOnlySpan<int> terms, RecordedPostings? other = null)
    {
        if (other is not null && other._stride != _stride)
        {
            throw new ArgumentException("Both postings must be recorded with offsets or both without.", nameof(other));
        }

        var count = terms.Length;
        if (count == 1)
        {
            // Most stems have one form in a segment: its postings as they are.
            return terms[0] >= 0 ? Write(consumer, terms[0]) : other!.Write(consumer, -terms[0] - 1);
        }

        Span<int> at = count <= 64 ? stackalloc int[count] : new int[count];
        Span<int> end = count <= 64 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            (at[i], end[i]) = terms[i] >= 0 ? _terms[terms[i]] : other!._terms[-terms[i] - 1];
        }

        var docFreq = 0;
        long totalTermFreq = 0;
        var occurrences = Array.Empty<int>();
        while (true)
        {
            var doc = int.MaxValue;
            for (var i = 0; i < count; i++)
            {
                if (at[i] < end[i])
                {
                    doc = Math.Min(doc, Values(terms[i], other)[at[i]]);
                }
            }

            if (doc == int.MaxValue)
            {
                break;
            }

            var freq = 0;
            var parts = 0;
            for (var i = 0; i < count; i++)
            {
                var values = Values(terms[i], other);
                if (at[i] < end[i] && values[at[i]] == doc)
                {
                    var length = values[at[i] + 1] * _stride;
                    if (occurrences.Length < (freq * _stride) + length)
                    {
                        Array.Resize(ref occurrences, Math.Max(64, 2 * ((freq * _stride) + length)));
                    }

                    Array.Copy(values, at[i] + 2, occurrences, freq * _stride, length);
                    freq += values[at[i] + 1];
                    at[i] += 2 + length;
                    parts++;
                }
            }

            if (parts > 1)
            {
                SortByPosition(occurrences, freq);
            }

            consumer.StartDoc(doc, freq);
            for (var j = 0; j < freq * _stride; j += _stride)
            {
                consumer.AddPosition(occurrences[j], null!, _stride == 3 ? occurrences[j + 1] : -1, _stride == 3 ? occurrences[j + 2] : -1);
            }

            consumer.FinishDoc();
            docFreq++;
            totalTermFreq += freq;
        }

        return new TermStats(docFreq, totalTermFreq);
    }

    private TermStats Write(PostingsConsumer consumer, int term)
    {
        var (at, end) = _terms[term];
        var values = _values;
        var docFreq = 0;
        long totalTermFreq = 0;
        while (at < end)
        {
            var freq = values[at + 1];
            consumer.StartDoc(values[at], freq);
            at += 2;
            for (var j = 0; j < freq; j++, at += _stride)
            {
                consumer.AddPosition(values[at], null!, _stride == 3 ? values[at + 1] : -1, _stride == 3 ? values[at + 2] : -1);
            }

            consumer.FinishDoc();
            docFreq++;
            totalTermFreq += freq;
        }

        return new TermStats(docFreq, totalTermFreq);
    }

    private int[] Values(int term, RecordedPostings? other) => term >= 0 ? _values : other!._values;

    /// <summary>Orders <paramref name="count"/> occurrences by position, keeping each one's offsets with it.</summary>
    private void SortByPosition(int[] occurrences, int count)
    {
        if (_stride == 1)
        {
            Array.Sort(occurrences, 0, count);
            return;
        }

        // Position first, then the order given, so equal positions keep their order.
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((long)occurrences[i * _stride] << 32) | (uint)i;
        }

        Array.Sort(keys);
        var given = occurrences.AsSpan(0, count * _stride).ToArray();
        for (var i = 0; i < count; i++)
        {
            given.AsSpan((int)(keys[i] & uint.MaxValue) * _stride, _stride).CopyTo(occurrences.AsSpan(i * _stride));
        }
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
