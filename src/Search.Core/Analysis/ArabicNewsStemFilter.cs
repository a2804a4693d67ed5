using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>Applies <see cref="ArabicNewsStemmer"/> to each token not marked as a keyword.</summary>
public sealed class ArabicNewsStemFilter : TokenFilter
{
    private readonly ArabicNewsStemmer _stemmer;
    private readonly CharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public ArabicNewsStemFilter(TokenStream input, ArabicNewsStemmer stemmer)
        : base(input)
    {
        _stemmer = stemmer;
        _term = TermAttributes.Of(this);
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            _term.Length = _stemmer.Stem(_term.Buffer, _term.Length);
        }

        return true;
    }
}
