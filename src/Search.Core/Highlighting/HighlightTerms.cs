namespace Search.Core.Highlighting;

/// <summary>What a highlighter marks: stems of the query's words, stem prefixes, and phrases as stem sequences
/// (with the position gaps stop words leave).</summary>
public sealed record HighlightTerms(
    IReadOnlySet<string> Stems,
    IReadOnlyList<string> Prefixes,
    IReadOnlyList<IReadOnlyList<(string Stem, int Offset)>> Phrases)
{
    public static HighlightTerms None { get; } = new(new HashSet<string>(), [], []);

    public bool IsEmpty => Stems.Count == 0 && Prefixes.Count == 0 && Phrases.Count == 0;
}
