using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// Emits each token twice at one position: first as is, for the stemmer after this filter, then as
/// <see cref="Marker"/> + the unstemmed form, marked as a keyword so the stemmer leaves it. One pass of analysis so
/// indexes both the stem and the exact word form in one field, and exact forms can outrank mere same-stem matches.
/// Every document's field length doubles alike, which BM25's length normalization cancels.
/// </summary>
public sealed class ExactFormRepeatFilter : TokenFilter
{
    /// <summary>Prefix of exact-form terms; the tokenizer never emits it, so they cannot clash with stems.</summary>
    public const char Marker = '=';

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private State? _pending;

    public ExactFormRepeatFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>The exact-form term for an already folded word.</summary>
    public static string ExactTerm(string folded) => Marker + folded;

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pending);
            _pending = null;
            var length = _term.Length;
            var buffer = _term.ResizeBuffer(length + 1);
            Array.Copy(buffer, 0, buffer, 1, length);
            buffer[0] = Marker;
            _term.Length = length + 1;
            _keyword.IsKeyword = true;
            _positionIncrement.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _pending = CaptureState();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
    }
}
