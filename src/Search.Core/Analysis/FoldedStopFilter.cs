using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>Removes the tokens in a <see cref="FoldedWords"/> set, leaving a gap in the positions as Lucene's
/// <c>StopFilter</c> does, so phrases do not close over a removed word.</summary>
public sealed class FoldedStopFilter : FilteringTokenFilter
{
    private readonly FoldedWords _stopWords;
    private readonly CharTermAttribute _term;

    public FoldedStopFilter(TokenStream input, FoldedWords stopWords)
        : base(LuceneVersion.LUCENE_48, input)
    {
        _stopWords = stopWords;
        _term = TermAttributes.Of(this);
    }

    protected override bool Accept() => !_stopWords.Contains(_term.Buffer, 0, _term.Length);
}
