using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Ranking;

/// <summary>One token of analyzed text: its term, position and offsets into the original string.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);

/// <summary>Sees one token of analyzed text: its term (valid only during the call), position and offsets.</summary>
public delegate void TokenVisitor(ReadOnlySpan<char> term, int position, int startOffset, int endOffset);

/// <summary>Runs an analyzer over a string, honouring the token stream contract (Reset, loop, End, Dispose).</summary>
public static class TextAnalysis
{
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        Visit(analyzer, field, text, (term, position, startOffset, endOffset) => tokens.Add(new AnalyzedToken(term.ToString(), position, startOffset, endOffset)));
        return tokens;
    }

    /// <summary>Each token in turn, its term straight from the analyzer's buffer: for callers that keep no string of it.</summary>
    public static void Visit(Analyzer analyzer, string field, string text, TokenVisitor visit)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            visit(new ReadOnlySpan<char>(term.Buffer, 0, term.Length), position, offset.StartOffset, offset.EndOffset);
        }

        stream.End();
    }
}
