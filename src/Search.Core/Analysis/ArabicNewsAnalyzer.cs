using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The service's Arabic analysis chain: StandardTokenizer → <see cref="JoinedWordsFilter"/> (words joined by . : _) →
/// <see cref="ArabicFoldingFilter"/> (lowercase, digits,
/// letter variants and marks, the stock normalization) → folded stop words → <see cref="ArabicNewsStemFilter"/> (stems),
/// nothing (exact forms) or <see cref="ExactFormRepeatFilter"/> (both, for indexing). Every step rewrites the term only, so offsets always point into the
/// original text and highlights land on whole words. Values of a multi-valued field are kept
/// <see cref="ValueGap"/> positions apart, so phrases never span a title and a body.
/// </summary>
/// <remarks>Thread-safe, like every Lucene analyzer: token stream components are reused per thread.</remarks>
public sealed class ArabicNewsAnalyzer : Analyzer
{
    public const int ValueGap = 100;

    /// <summary>
    /// Names what terms this chain gives a text. An index records the version it was built with; one built with
    /// another is rebuilt from the articles it stores, since a query folded one way misses terms indexed the other
    /// way. Raise it with every change to folding, stop words or stemming that changes a term.
    /// </summary>
    /// <remarks>2: bidi controls fold away. 3: hamza on a waw or yeh seat folds to ء (2026-12-05). 4: words joined by
    /// a full stop, a colon or an underscore are split (2026-12-05).</remarks>
    public const string Version = "4";

    private readonly ArabicAnalysisMode _mode;
    private readonly ArabicNewsStemmer _stemmer = new();

    public ArabicNewsAnalyzer(ArabicAnalysisMode mode = ArabicAnalysisMode.Stemmed)
    {
        _mode = mode;
    }

    /// <param name="stem">false gives the normalized, unstemmed form used for exact-word matching and prefixes.</param>
    public ArabicNewsAnalyzer(bool stem)
        : this(stem ? ArabicAnalysisMode.Stemmed : ArabicAnalysisMode.Exact)
    {
    }

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ArabicFoldingFilter(new JoinedWordsFilter(tokenizer));
        stream = new FoldedStopFilter(stream, ArabicStopWords.Folded);
        stream = _mode switch
        {
            ArabicAnalysisMode.StemmedAndExact => new ExactFormRepeatFilter(stream, _stemmer),
            ArabicAnalysisMode.Stemmed => new ArabicNewsStemFilter(stream, _stemmer),
            _ => stream,
        };

        return new TokenStreamComponents(tokenizer, stream);
    }
}
