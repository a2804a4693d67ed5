using FsCheck.Xunit;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Properties;

/// <summary>The analysis chain and the folding under it take any text: no exception, offsets inside the text.</summary>
[Properties(Arbitrary = [typeof(HostileInput)], MaxTest = 1000)]
public sealed class AnalysisProperties
{
    private static readonly ArabicNewsAnalyzer[] Analyzers =
        [new(ArabicAnalysisMode.Stemmed), new(ArabicAnalysisMode.Exact), new(ArabicAnalysisMode.StemmedAndExact)];

    [Property]
    public void Every_analyzer_tokenizes_any_text_with_offsets_inside_it(HostileText text)
    {
        foreach (var analyzer in Analyzers)
        {
            foreach (var token in TextAnalysis.Tokens(analyzer, NewsFields.Text, text.Value))
            {
                Assert.NotEmpty(token.Term);
                Assert.InRange(token.StartOffset, 0, token.EndOffset);
                Assert.InRange(token.EndOffset, token.StartOffset, text.Value.Length);
            }
        }
    }

    [Property]
    public void Folding_takes_any_text(HostileText text)
    {
        _ = ArabicOrthography.Fold(text.Value);
        foreach (var c in text.Value)
        {
            _ = ArabicOrthography.FoldCharacter(c);
        }
    }

    [Property]
    public void Compatibility_normalization_takes_any_text_and_is_idempotent(HostileText text)
    {
        var once = CompatibilityNormalization.ToFormKC(text.Value);

        Assert.Equal(once, CompatibilityNormalization.ToFormKC(once));
    }
}
