using System.Text;
using Lucene.Net.Codecs;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Storage;

/// <summary>
/// Writes a flushed field's terms, adding to each stem the postings of the exact forms of words that are their own
/// stem, which <see cref="ExactFormRepeatFilter"/> indexes only as exact forms. Terms arrive in byte order: every exact
/// form (<c>=…</c>) before any stem such a word can have (their first character sorts after the marker), so the forms'
/// postings are recorded as they pass and each stem is written as the union of its own postings (other words'
/// occurrences) and its form's. The field's totals are summed over the terms as written.
/// </summary>
internal sealed class OwnStemTermsConsumer : TermsConsumer
{
    private const byte MarkerByte = (byte)ExactFormRepeatFilter.Marker;

    private readonly TermsConsumer _inner;
    private readonly ArabicNewsStemmer _stemmer;
    private readonly RecordedPostings _ownStems;
    private readonly RecordedPostings _stemPostings;
    private readonly Tee _tee;
    private char[] _word = new char[64];
    private char[] _stem = new char[64];
    private int _nextOwnStem;
    private bool _stemsStarted;
    private Current _current;
    private long _sumTotalTermFreq;
    private long _sumDocFreq;

    /// <param name="offsets">Whether the field's postings hold offsets.</param>
    public OwnStemTermsConsumer(TermsConsumer inner, ArabicNewsStemmer stemmer, bool offsets)
    {
        _inner = inner;
        _stemmer = stemmer;
        _ownStems = new RecordedPostings(offsets);
        _stemPostings = new RecordedPostings(offsets);
        _tee = new Tee(_ownStems);
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
        if (text.Length > 0 && text.Bytes[text.Offset] == MarkerByte)
        {
            if (_stemsStarted)
            {
                throw new InvalidOperationException("An exact form arrived after the stems that follow the marker.");
            }

            if (IsOwnStemForm(text))
            {
                _ownStems.StartTerm(text, skip: 1);
                _tee.Inner = _inner.StartTerm(text);
                _current = Current.RecordedToo;
                return _tee;
            }

            _current = Current.Written;
            return _inner.StartTerm(text);
        }

        if (text.Length > 0 && text.Bytes[text.Offset] > MarkerByte)
        {
            _stemsStarted = true;
            WriteOwnStemsBefore(text);
            if (_nextOwnStem < _ownStems.Count && Comparer.Compare(_ownStems.Text(_nextOwnStem), text) == 0)
            {
                _stemPostings.Clear();
                _stemPostings.StartTerm(text, skip: 0);
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
                WriteUnion(text, _stemPostings, 0);
                return;
            case Current.RecordedToo:
                _ownStems.FinishTerm();
                break;
        }

        _inner.FinishTerm(text, stats);
        Count(stats);
    }

    public override void Finish(long sumTotalTermFreq, long sumDocFreq, int docCount)
    {
        WriteOwnStemsBefore(null);
        _inner.Finish(sumTotalTermFreq < 0 ? -1 : _sumTotalTermFreq, _sumDocFreq, docCount);
    }

    /// <summary>Writes every recorded own stem that sorts before <paramref name="text"/> (all of them when null) as a
    /// term of its own: no other word has that stem in this segment.</summary>
    private void WriteOwnStemsBefore(BytesRef? text)
    {
        while (_nextOwnStem < _ownStems.Count && (text is null || Comparer.Compare(_ownStems.Text(_nextOwnStem), text) < 0))
        {
            WriteUnion(_ownStems.Text(_nextOwnStem), null, -1);
        }
    }

    private void WriteUnion(BytesRef text, RecordedPostings? stemPostings, int stemTerm)
    {
        var stats = RecordedPostings.WriteUnion(_inner.StartTerm(text), stemPostings ?? _ownStems, stemTerm, _ownStems, _nextOwnStem);
        _inner.FinishTerm(text, stats);
        Count(stats);
        _nextOwnStem++;
    }

    private void Count(TermStats stats)
    {
        _sumDocFreq += stats.DocFreq;
        _sumTotalTermFreq += stats.TotalTermFreq;
    }

    /// <summary>Whether the exact form <paramref name="text"/> (marker first) is of a word that is its own stem.</summary>
    private bool IsOwnStemForm(BytesRef text)
    {
        var bytes = text.Bytes.AsSpan(text.Offset + 1, text.Length - 1);
        var length = Encoding.UTF8.GetCharCount(bytes);
        if (_word.Length < length)
        {
            _word = new char[length * 2];
            _stem = new char[length * 2];
        }

        Encoding.UTF8.GetChars(bytes, _word);
        Array.Copy(_word, _stem, length);
        var stemLength = _stemmer.Stem(_stem, length);
        return ExactFormRepeatFilter.IsOwnStem(_word.AsSpan(0, length), _stem.AsSpan(0, stemLength));
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
