using Search.Core.Analysis;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.Core.Tests.Analysis;

public sealed class IndexingAnalysisTests
{
    [Theory]
    [InlineData("AI", "ai")]
    [InlineData("ÉCOLE", "école")]
    [InlineData("ΑΘΗΝΑ", "αθηνα")]
    [InlineData("МОСКВА", "москва")]
    [InlineData("Ｗｉｆｉ", "ｗｉｆｉ")]
    [InlineData("𐐀𐐁", "𐐨𐐩")]
    public void Cased_scripts_are_lowercased_like_Lucene_does(string input, string expected)
    {
        var tokens = TextAnalysis.Tokens(new ArabicNewsAnalyzer(ArabicAnalysisMode.Exact), "text", input);

        Assert.Equal([expected], tokens.Select(token => token.Term));
    }

    [Fact]
    public void Arabic_letters_pass_the_lowercasing_untouched()
    {
        var tokens = TextAnalysis.Tokens(new ArabicNewsAnalyzer(ArabicAnalysisMode.Exact), "text", "كتب المراسل تقريرا");

        Assert.Equal(["كتب", "المراسل", "تقريرا"], tokens.Select(token => token.Term));
    }

    [Fact]
    public void Indexing_emits_the_stem_and_the_exact_form_at_one_position_with_the_same_offsets()
    {
        const string Text = "والوزير يزور فلسطين 2024";

        var tokens = TextAnalysis.Tokens(new ArabicNewsAnalyzer(ArabicAnalysisMode.StemmedAndExact), "text", Text);

        // The codec writes the words' stems from their exact forms; a number's stem sorts before the exact forms, so it
        // is emitted.
        Assert.Equal(["=والوزير", "=يزور", "=فلسطين", "2024", "=2024"], tokens.Select(token => token.Term));
        Assert.Equal([0, 1, 2, 3, 3], tokens.Select(token => token.Position));
        Assert.Equal("والوزير", Text[tokens[0].StartOffset..tokens[0].EndOffset]);
        Assert.Equal("2024", Text[tokens[3].StartOffset..tokens[3].EndOffset]);
        Assert.Equal(tokens[3].StartOffset, tokens[4].StartOffset);
        Assert.Equal(tokens[3].EndOffset, tokens[4].EndOffset);
    }
}
