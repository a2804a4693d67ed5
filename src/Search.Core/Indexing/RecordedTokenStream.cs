using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Search.Core.Indexing;

/// <summary>
/// Replays one field value's tokens as <see cref="PreAnalyzedDocument"/> recorded them: the terms' UTF-8 bytes, which
/// the writer hashes and copies as they are, position increments and offsets, and at the end the final increment and
/// offsets the analyzer's <see cref="TokenStream.End"/> gave. Reused, cued to a new recording for each document.
/// </summary>
internal sealed class RecordedTokenStream : TokenStream
{
    private readonly RecordedTermAttribute _term = new();
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private PreAnalyzedDocument? _recording;
    private byte[] _terms = [];
    private int[] _tokens = [];
    private int _first;
    private int _end;
    private int _next;
    private int _finalIncrement;
    private int _finalStart;
    private int _finalEnd;

    public RecordedTokenStream()
    {
        // Before any other attribute, so that the writer's term attribute is this one, not a char-based one.
        AddAttributeImpl(_term);
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Points the stream at the recording's tokens [<paramref name="first"/>, <paramref name="end"/>).</summary>
    public void Cue(PreAnalyzedDocument recording, int first, int end, int finalIncrement, int finalStart, int finalEnd)
    {
        _recording = recording;
        _first = first;
        _end = end;
        _finalIncrement = finalIncrement;
        _finalStart = finalStart;
        _finalEnd = finalEnd;
    }

    public override void Reset()
    {
        base.Reset();

        // The recording's arrays may have grown while later fields were recorded: take them as they are now.
        _terms = _recording?.Terms ?? [];
        _tokens = _recording?.Tokens ?? [];
        _next = _first;
    }

    public override bool IncrementToken()
    {
        if (_next >= _end)
        {
            return false;
        }

        var at = _next * PreAnalyzedDocument.IntsPerToken;
        var termStart = _next == 0 ? 0 : _tokens[at - PreAnalyzedDocument.IntsPerToken];
        _term.Point(_terms, termStart, _tokens[at] - termStart);
        _increment.PositionIncrement = _tokens[at + 1];
        _offset.SetOffset(_tokens[at + 2], _tokens[at + 3]);
        _next++;
        return true;
    }

    public override void End()
    {
        base.End();
        _increment.PositionIncrement = _finalIncrement;
        _offset.SetOffset(_finalStart, _finalEnd);
    }

    /// <summary>The term as bytes that stay in the recording: the writer reads them through <see cref="BytesRef"/>.</summary>
    private sealed class RecordedTermAttribute : Lucene.Net.Util.Attribute, ITermToBytesRefAttribute
    {
        public BytesRef BytesRef { get; } = new();

        public void Point(byte[] bytes, int offset, int length)
        {
            BytesRef.Bytes = bytes;
            BytesRef.Offset = offset;
            BytesRef.Length = length;
        }

        /// <summary>Nothing to convert: the bytes are UTF-8 already.</summary>
        public void FillBytesRef()
        {
        }

        public override void Clear() => BytesRef.Length = 0;

        public override void CopyTo(IAttribute target)
        {
            if (target is not RecordedTermAttribute other)
            {
                throw new ArgumentException($"{nameof(RecordedTermAttribute)} copies only to its own kind.", nameof(target));
            }

            other.Point(BytesRef.Bytes, BytesRef.Offset, BytesRef.Length);
        }
    }
}
