using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Folds each token's characters in four steps, in this order: lowercase (Arabic script, which has no case, is left
/// untouched without a lookup, since Lucene.Net's own filter took a third of indexing time through a culture-aware
/// mapping); every Unicode decimal digit to ASCII and the Arabic decimal and thousands separators to '.' and ','
/// (Lucene.Net 4.8 has no <c>DecimalDigitFilter</c>); Persian and Urdu letter variants to Arabic letters and hamza on a
/// waw or yeh seat (ؤ ئ, and the older ىء) to ء, removing
/// harakat, Quranic marks, tatweel and invisible joiners (<see cref="ArabicOrthography.FoldLetterVariants"/>); then the
/// stock hamza-on-alef, alef maqsura and taa marbuta normalization (<see cref="ArabicNormalizer"/>). Arabic
/// presentation forms (ﻻ, ﷲ) are decomposed by NFKC after the digits. A token left with no characters is dropped,
/// its position kept as a gap. Only the term changes, so offsets keep pointing at the original characters.
/// </summary>
/// <remarks>
/// The steps are one filter reading <see cref="ArabicOrthography.FoldCharacter"/>: every character folds on its own,
/// so each one's result is computed once, from the step functions themselves, and a token is folded in one pass. As
/// four filters the steps were a quarter of the analysis chain's time in a profile; the analyzer benchmark's indexing
/// chain ran 121 ms, 89 ms now (stock chain: 102 ms). A token with presentation forms takes the steps one by one
/// (<see cref="FoldStepByStep"/>), since NFKC works on the whole token.
/// </remarks>
public sealed class ArabicFoldingFilter : TokenFilter
{
    private readonly CharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;

    public ArabicFoldingFilter(TokenStream input)
        : base(input)
    {
        _term = TermAttributes.Of(this);
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        var skippedPositions = 0;
        while (m_input.IncrementToken())
        {
            if (Fold(_term) > 0)
            {
                _positionIncrement.PositionIncrement += skippedPositions;
                return true;
            }

            skippedPositions += _positionIncrement.PositionIncrement;
        }

        return false;
    }

    /// <summary>Folds the term in place, with the table unless it holds presentation forms.</summary>
    /// <returns>The folded length, also set on the term.</returns>
    internal static int Fold(CharTermAttribute term)
    {
        var buffer = term.Buffer;
        var length = term.Length;
        if (ArabicOrthography.NeedsCompatibilityDecomposition(buffer.AsSpan(0, length)))
        {
            return FoldStepByStep(term);
        }

        var written = 0;
        for (var read = 0; read < length; read++)
        {
            var c = buffer[read];
            if (char.IsHighSurrogate(c) && read + 1 < length && char.IsLowSurrogate(buffer[read + 1]))
            {
                // Outside the table: a supplementary character's lowercase stays supplementary, in the same two slots.
                Rune.ToLowerInvariant(new Rune(c, buffer[read + 1])).EncodeToUtf16(buffer.AsSpan(written, 2));
                written += 2;
                read++;
                continue;
            }

            if (ArabicOrthography.HamzaSeatSequence(buffer, read, length) is var sequence and > 0)
            {
                read = ArabicOrthography.FoldHamzaSeatSequence(buffer, read, sequence, ref written);
                continue;
            }

            // '\0' stands for "removed", except for '\0' itself, which folds to itself.
            var folded = ArabicOrthography.FoldCharacter(c);
            if (folded != '\0' || c == '\0')
            {
                buffer[written++] = folded;
            }
        }

        term.Length = written;
        return written;
    }

    /// <summary>The four steps one after the other, over the whole term; <see cref="ArabicOrthography.FoldCharacter"/>'s
    /// table is built from the same steps.</summary>
    /// <returns>The folded length, also set on the term.</returns>
    internal static int FoldStepByStep(ICharTermAttribute term)
    {
        ArabicOrthography.Lowercase(term.Buffer, term.Length);
        ArabicOrthography.FoldDigits(term.Buffer, term.Length);
        if (ArabicOrthography.NeedsCompatibilityDecomposition(term.Buffer.AsSpan(0, term.Length)))
        {
            var decomposed = CompatibilityNormalization.ToFormKC(term.ToString());
            term.SetEmpty().Append(decomposed);
        }

        var length = ArabicOrthography.FoldLetterVariants(term.Buffer, term.Length);
        term.Length = length == 0 ? 0 : new ArabicNormalizer().Normalize(term.Buffer, length);
        return term.Length;
    }
}
