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

    /// <summary>True when a word to search for (not an excluded one) is unknown to the index in every form: the query
    /// deserves a "did you mean".</summary>
    public bool HasUnknownWords { get; init; }
}
