using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The service's Arabic analysis chain: StandardTokenizer → lowercase → digit folding → letter-variant folding →
/// ArabicNormalizationFilter → folded stop words → <see cref="ArabicNewsStemFilter"/> (unless built unstemmed).
/// Every step rewrites the term only, so offsets always point into the original text and highlights land on whole words.
/// </summary>
/// <remarks>Thread-safe, like every Lucene analyzer: token stream components are reused per thread.</remarks>
public sealed class ArabicNewsAnalyzer : Analyzer
{
    private readonly bool _stem;
    private readonly ArabicNewsStemmer _stemmer = new();

    /// <param name="stem">false gives the normalized, unstemmed form used for exact-word matching and prefixes.</param>
    public ArabicNewsAnalyzer(bool stem = true)
    {
        _stem = stem;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new DecimalDigitFoldingFilter(stream);
        stream = new ArabicLetterVariantFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, ArabicStopWords.Folded);
        if (_stem)
        {
            stream = new ArabicNewsStemFilter(stream, _stemmer);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
