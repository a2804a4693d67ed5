using Lucene.Net.Search;
using Search.Core.Highlighting;

namespace Search.Core.Ranking;

/// <summary>A user query turned into a Lucene query, with what to highlight. <see cref="Query"/> is null when nothing
/// searchable is left (only stop words, only exclusions).</summary>
public sealed record CompiledQuery(Query? Query, HighlightTerms Highlight)
{
    /// <summary>Top-level clauses from which a disjunction counts as long: three words or more (three clauses a word).</summary>
    public const int LongDisjunctionClauses = 9;

    /// <summary>
    /// True for a long disjunction (a pasted headline, a natural question), which Lucene scores faster a window of
    /// documents at a time (its bucket scorer) than document at a time; shorter queries, and prefixes, score faster in
    /// document order. Measured both ways on 41,682 and 1,000,000 articles (benchmarks/README.md).
    /// </summary>
    public bool IsLongDisjunction => Query is BooleanQuery boolean && boolean.Clauses.Count >= LongDisjunctionClauses;

    /// <summary>True when a word searched for (not an excluded one) is not in the index in the form typed, or in any
    /// form: the query deserves a "did you mean".</summary>
    public bool HasUnseenWords { get; init; }

    /// <summary>The searched words (folded, as typed) the index knows in no form: the ones a "did you mean" replaces.</summary>
    public IReadOnlySet<string> UnknownWords { get; init; } = new HashSet<string>();
}
