using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Folds what the stock <c>ArabicNormalizationFilter</c> leaves: ک→ك, ی→ي, ۀ/ہ→ه, ٱ→ا, presentation forms, and removes
/// superscript alef, every harakah and Quranic mark, tatweel and invisible joiners. Works on the term only, so
/// offsets keep pointing at the original characters. A token made only of marks (a lone tatweel) is dropped.
/// </summary>
public sealed class ArabicLetterVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;

    public ArabicLetterVariantFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        var skippedPositions = 0;
        while (m_input.IncrementToken())
        {
            if (ArabicOrthography.NeedsCompatibilityDecomposition(_term.Buffer.AsSpan(0, _term.Length)))
            {
                var decomposed = CompatibilityNormalization.ToFormKC(new string(_term.Buffer, 0, _term.Length));
                _term.SetEmpty().Append(decomposed);
            }

            _term.Length = ArabicOrthography.FoldLetterVariants(_term.Buffer, _term.Length);
            if (_term.Length > 0)
            {
                _positionIncrement.PositionIncrement += skippedPositions;
                return true;
            }

            skippedPositions += _positionIncrement.PositionIncrement;
        }

        return false;
    }
}
