using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

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

    private readonly CharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private char[] _saved = new char[32];
    private int _savedLength = -1;

    public ExactFormRepeatFilter(TokenStream input)
        : base(input)
    {
        _term = TermAttributes.Of(this);
        _keyword = AddAttribute<IKeywordAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>The exact-form term for an already folded word.</summary>
    public static string ExactTerm(string folded) => Marker + folded;

    public override bool IncrementToken()
    {
        if (_savedLength >= 0)
        {
            // Only the term, keyword flag and increment change: offsets and type still hold this word's values, since
            // the stemmer downstream rewrites the term alone. Cheaper than capturing and restoring every attribute.
            var buffer = _term.ResizeBuffer(_savedLength + 1);
            buffer[0] = Marker;
            Array.Copy(_saved, 0, buffer, 1, _savedLength);
            _term.Length = _savedLength + 1;
            _keyword.IsKeyword = true;
            _positionIncrement.PositionIncrement = 0;
            _savedLength = -1;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_saved.Length < _term.Length)
        {
            _saved = new char[_term.Length * 2];
        }

        Array.Copy(_term.Buffer, _saved, _term.Length);
        _savedLength = _term.Length;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _savedLength = -1;
    }
}
