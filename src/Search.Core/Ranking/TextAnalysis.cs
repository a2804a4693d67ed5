using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Ranking;

/// <summary>One token of analyzed text: its term, position and offsets into the original string.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);

/// <summary>Runs an analyzer over a string, honouring the token stream contract (Reset, loop, End, Dispose).</summary>
public static class TextAnalysis
{
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
