using Lucene.Net.Search;
using Search.Core.Highlighting;

namespace Search.Core.Ranking;

/// <summary>A user query turned into a Lucene query, with what to highlight. <see cref="Query"/> is null when nothing
/// searchable is left (only stop words, only exclusions).</summary>
public sealed record CompiledQuery(Query? Query, HighlightTerms Highlight)
{
    /// <summary>True when a word searched for (not an excluded one) is not in the index in the form typed, or in any
    /// form: the query deserves a "did you mean".</summary>
    public bool HasUnseenWords { get; init; }

    /// <summary>True when <see cref="Query"/> is null because every word searched for is a stop word (في, من, هل):
    /// words too common to search, not a query without words (only exclusions, only punctuation).</summary>
    public bool OnlyStopWords { get; init; }

    /// <summary>The searched words (folded, as typed) the index knows in no form: the ones a "did you mean" replaces.</summary>
    public IReadOnlySet<string> UnknownWords { get; init; } = new HashSet<string>();

    /// <summary>Words the build searched as another word the user meant: pieces of one word typed with a space inside
    /// it, a word typed with the keyboard on the Latin layout. Where each stands in the query and the word (folded); a
    /// "did you mean" writes the word.</summary>
    public IReadOnlyList<RetypedWord> RetypedWords { get; init; } = [];

    /// <summary>The build's term lookups, through which its term clauses open their postings.</summary>
    internal TermLookup? Terms { get; init; }

    /// <summary>
    /// Lets later searches reuse the postings enumerators a search of <see cref="Query"/> opened. Call once that search
    /// is through (its scorers are then never read again); a query never given back only leaves them to the collector.
    /// </summary>
    internal void GiveBackPostings() => Terms?.GiveBack();
}

/// <summary>Typed text searched as another word (<see cref="CompiledQuery.RetypedWords"/>).</summary>
/// <param name="Start">Where the text starts in the query as typed.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Folded">The word meant, folded as the index holds it.</param>
public readonly record struct RetypedWord(int Start, int End, string Folded);
