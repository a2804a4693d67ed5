using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>NFKC over text that <see cref="string.Normalize()"/> refuses: lone surrogates and U+FFFE.</summary>
public sealed class CompatibilityNormalizationTests
{
    [Theory]
    [InlineData("FEFB FFFE", "0644 0627 FFFE")] // ﻻ then U+FFFE: the ligature still decomposes
    [InlineData("FFFE FEFB", "FFFE 0644 0627")]
    [InlineData("D800", "D800")] // lone high surrogate
    [InlineData("DC00 FEFB", "DC00 0644 0627")] // lone low surrogate
    [InlineData("FEFB D800 FEFB", "0644 0627 D800 0644 0627")]
    [InlineData("FEFB D83D DE00", "0644 0627 D83D DE00")] // a proper pair is kept and normalized around
    [InlineData("FEFB DE00 D83D", "0644 0627 DE00 D83D")] // a pair in the wrong order is two lone surrogates
    [InlineData("FEFB FFFF", "0644 0627 FFFF")]
    [InlineData("0061 0000 FEFB", "0061 0000 0644 0627")]
    [InlineData("", "")]
    public void Normalization_never_throws_and_keeps_what_it_cannot_normalize(string input, string expected)
    {
        Assert.Equal(CodeUnits.Parse(expected), CompatibilityNormalization.ToFormKC(CodeUnits.Parse(input)));
    }

    [Theory]
    [InlineData("FEFF FFFE", "FEFF FFFE")]
    [InlineData("FEFB FFFE 0020 0032 0030 0032 0034", "0644 0627 FFFE 0020 0032 0030 0032 0034")]
    [InlineData("FEFB D800", "0644 0627 D800")]
    [InlineData("DFFF FDF2", "DFFF 0627 0644 0644 0647")] // ﷲ after a lone low surrogate
    public void Folding_a_presentation_form_next_to_an_unnormalizable_character_still_folds_it(string text, string expected)
    {
        Assert.Equal(CodeUnits.Parse(expected), ArabicOrthography.Fold(CodeUnits.Parse(text)));
    }

    [Fact]
    public void The_folding_filter_decomposes_a_ligature_in_a_token_holding_a_noncharacter()
    {
        // StandardTokenizer splits at U+FFFE; a whitespace tokenizer hands the filter the whole word.
        using var tokens = new ArabicFoldingFilter(new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader("\uFEFB\uFFFE\u0639\u0628")));
        var term = tokens.AddAttribute<ICharTermAttribute>();
        tokens.Reset();

        Assert.True(tokens.IncrementToken());
        Assert.Equal("\u0644\u0627\uFFFE\u0639\u0628", term.ToString());
        tokens.End();
    }
}
