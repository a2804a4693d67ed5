using System.Text;
using Lucene.Net.Codecs;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Storage;

/// <summary>
/// Writes a flushed field's terms, adding the stems <see cref="ExactFormRepeatFilter"/> left out: the stem of every
/// word whose stem sorts after the exact-form marker, each written as the union of the postings of the word forms
/// that have it. Terms arrive in byte order, every exact form (<c>=…</c>) before any such stem, so the forms' postings
/// are recorded as they pass; then each stem is written in its place among the stems that arrive (numbers', and any a
/// writer gave as tokens, whose own postings join the union). The field's totals are summed over the terms as written.
/// </summary>
internal sealed class StemsFromExactForms : TermsConsumer
{
    private const byte MarkerByte = (byte)ExactFormRepeatFilter.Marker;

    private readonly TermsConsumer _inner;
    private readonly ArabicNewsStemmer _stemmer;
    private readonly RecordedPostings _forms;
    private readonly RecordedPostings _stemPostings;
    private readonly Tee _tee;
    private readonly List<(int Start, int Length, int Form)> _stems = [];
    private readonly List<(int DocFreq, long TotalTermFreq)> _formStats = [];
    private byte[] _stemBytes = new byte[1 << 16];
    private int _stemBytesLength;
    private int[] _group = new int[16];
    private char[] _word = new char[64];
    private int _next;
    private bool _stemsStarted;
    private Current _current;
    private long _sumTotalTermFreq;
    private long _sumDocFreq;

    /// <param name="offsets">Whether the field's postings hold offsets.</param>
    public StemsFromExactForms(TermsConsumer inner, ArabicNewsStemmer stemmer, bool offsets)
    {
        _inner = inner;
        _stemmer = stemmer;
        _forms = new RecordedPostings(offsets);
        _stemPostings = new RecordedPostings(offsets);
        _tee = new Tee(_forms);
    }

    private enum Current
    {
        Written,
        RecordedToo,
        Merged,
    }

    public override IComparer<BytesRef> Comparer => _inner.Comparer;

    public override PostingsConsumer StartTerm(BytesRef text)
    {
        var first = text.Length > 0 ? text.Bytes[text.Offset] : (byte)0;
        if (first == MarkerByte)
        {
            if (_stemsStarted)
            {
                throw new InvalidOperationException("An exact form arrived after the stems that follow the marker.");
            }

            _tee.Inner = _inner.StartTerm(text);
            if (RecordStemOf(text))
            {
                _forms.StartTerm();
                _current = Current.RecordedToo;
                return _tee;
            }

            _current = Current.Written;
            return _tee.Inner;
        }

        if (first > MarkerByte)
        {
            StartStems();
            WriteStemsBefore(text);
            if (_next < _stems.Count && Stem(_next).SequenceEqual(text.Bytes.AsSpan(text.Offset, text.Length)))
            {
                _stemPostings.Clear();
                _stemPostings.StartTerm();
                _current = Current.Merged;
                return _stemPostings;
            }
        }

        _current = Current.Written;
        return _inner.StartTerm(text);
    }

    public override void FinishTerm(BytesRef text, TermStats stats)
    {
        switch (_current)
        {
            case Current.Merged:
                _stemPostings.FinishTerm();
                WriteStem(text, withStemPostings: true);
                return;
            case Current.RecordedToo:
                _forms.FinishTerm();
                _formStats.Add((stats.DocFreq, stats.TotalTermFreq));
                break;
        }

        _inner.FinishTerm(text, stats);
        Count(stats);
    }

    public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
    {
        StartStems();
        WriteStemsBefore(null);
        _inner.Finish(sumTotalTermFreq < 0 ? -1 : _sumTotalTermFreq, _sumDocFreq, docCount);
    }

    /// <summary>Once every exact form has passed: orders the recorded stems, each with the forms that have it.</summary>
    private void StartStems()
    {
        if (_stemsStarted)
        {
            return;
        }

        _stemsStarted = true;
        var bytes = _stemBytes;
        _stems.Sort((x, y) =>
        {
            var order = bytes.AsSpan(x.Start, x.Length).SequenceCompareTo(bytes.AsSpan(y.Start, y.Length));
            return order != 0 ? order : x.Form.CompareTo(y.Form);
        });
    }

    /// <summary>Writes every recorded stem that sorts before <paramref name="text"/> (all when null).</summary>
    private void WriteStemsBefore(BytesRef? text)
    {
        while (_next < _stems.Count && (text is null || Stem(_next).SequenceCompareTo(text.Bytes.AsSpan(text.Offset, text.Length)) < 0))
        {
            var stem = _stems[_next];
            WriteStem(new BytesRef(_stemBytes, stem.Start, stem.Length), withStemPostings: false);
        }
    }

    /// <summary>Writes the stem at <see cref="_next"/> as the union of its forms' postings (and the stem's own, when it
    /// arrived as a term too) and moves past its forms.</summary>
    private void WriteStem(BytesRef text, bool withStemPostings)
    {
        var count = 0;
        if (withStemPostings)
        {
            _group[count++] = -1;
        }

        var stem = Stem(_next);
        do
        {
            if (count == _group.Length)
            {
                Array.Resize(ref _group, count * 2);
            }

            _group[count++] = _stems[_next++].Form;
        }
        while (_next < _stems.Count && Stem(_next).SequenceEqual(stem));

        var postings = _inner.StartTerm(text);
        TermStats stats;
        if (count == 1 && postings is RecordedPostings recording && recording.Options == _forms.Options)
        {
            // The stem of one form alone: that form's postings, copied as recorded rather
            // than read and written again, when the pipeline records them (the stem's own postings would make two).
            recording.Append(_forms, _group[0]);
            var (docFreq, totalTermFreq) = _formStats[_group[0]];
            stats = new TermStats(docFreq, totalTermFreq);
        }
        else
        {
            stats = _forms.WriteUnion(postings, _group.AsSpan(0, count), _stemPostings);
        }

        _inner.FinishTerm(text, stats);
        Count(stats);
    }

    private ReadOnlySpan<byte> Stem(int index) => _stemBytes.AsSpan(_stems[index].Start, _stems[index].Length);

    private void Count(TermStats stats)
    {
        _sumDocFreq += stats.DocFreq;
        _sumTotalTermFreq += stats.TotalTermFreq;
    }

    /// <summary>Stems the word of exact form <paramref name="text"/> (marker first) and, when the analyzer left that
    /// stem for the codec to write, records it against the form's number.</summary>
    private bool RecordStemOf(BytesRef text)
    {
        var bytes = text.Bytes.AsSpan(text.Offset + 1, text.Length - 1);
        var length = Encoding.UTF8.GetCharCount(bytes);
        if (_word.Length < length)
        {
            _word = new char[length * 2];
        }

        Encoding.UTF8.GetChars(bytes, _word);
        var stem = _word.AsSpan(0, _stemmer.Stem(_word, length));
        if (!ExactFormRepeatFilter.IsStemLeftOut(stem))
        {
            return false;
        }

        var size = Encoding.UTF8.GetByteCount(stem);
        if (_stemBytes.Length < _stemBytesLength + size)
        {
            Array.Resize(ref _stemBytes, Math.Max(_stemBytes.Length * 2, _stemBytesLength + size));
        }

        Encoding.UTF8.GetBytes(stem, _stemBytes.AsSpan(_stemBytesLength));
        _stems.Add((_stemBytesLength, size, _forms.Count));
        _stemBytesLength += size;
        return true;
    }

    /// <summary>Passes a term's postings on and records them.</summary>
    private sealed class Tee(RecordedPostings recorded) : PostingsConsumer
    {
        public PostingsConsumer Inner { get; set; } = null!;

        public override void StartDoc(int docId, int freq)
        {
            Inner.StartDoc(docId, freq);
            recorded.StartDoc(docId, freq);
        }

        public override void AddPosition(int position, BytesRef payload, int startOffset, int endOffset)
        {
            Inner.AddPosition(position, payload, startOffset, endOffset);
            recorded.AddPosition(position, payload, startOffset, endOffset);
        }

        public override void FinishDoc()
        {
            Inner.FinishDoc();
            recorded.FinishDoc();
        }
    }
}
