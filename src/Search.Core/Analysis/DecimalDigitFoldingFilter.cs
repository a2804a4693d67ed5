using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// Folds Arabic-Indic (٠-٩), Persian (۰-۹) and every other Unicode decimal digit to ASCII, so ٢٠٢٤ meets 2024.
/// Lucene.Net 4.8 has no <c>DecimalDigitFilter</c> (Java Lucene added it in 5.4).
/// </summary>
public sealed class DecimalDigitFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public DecimalDigitFoldingFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        ArabicOrthography.FoldDigits(_term.Buffer, _term.Length);
        return true;
    }
}
