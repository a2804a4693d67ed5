namespace Search.Core.Querying;

/// <summary>
/// How much work a query asks for, counted on its parts, and the caps that keep every search bounded: each part
/// becomes several clauses (stem, exact form, title, word variants), so a query within the 1,000-character limit could
/// still ask for thousands: on the 41,682 shared articles, 150 excluded words took ~150 ms, 125 quoted pairs ~110 ms and
/// 250 plain words ~250 ms, each (the hardening issue's figures; before/after in benchmarks/README.md). A search box
/// query is a few words; the caps leave room for a pasted headline and lead.
/// </summary>
/// <param name="Words">Words in all parts, phrases and exclusions included, split as the tokenizer splits them
/// (<see cref="QueryWords"/>): a word the tokenizer cuts in pieces gets a clause for each.</param>
internal readonly record struct QueryComplexity(int Words, int Excluded, int Phrases, int Prefixes)
{
    public const int MaxWords = 64;
    public const int MaxExcluded = 20;
    public const int MaxPhrases = 10;
    public const int MaxPrefixes = SearchRequest.MaxPrefixes;

    public static QueryComplexity Of(UserQuery query)
    {
        int words = 0, excluded = 0, phrases = 0, prefixes = 0;
        foreach (var part in query.Groups.SelectMany(group => group.Alternatives))
        {
            words += part.IsPrefix ? 1 : QueryWords.Count(part.Text);
            excluded += part.Excluded ? 1 : 0;
            phrases += part.IsPhrase ? 1 : 0;
            prefixes += part.IsPrefix ? 1 : 0;
        }

        return new QueryComplexity(words, excluded, phrases, prefixes);
    }

    /// <summary>What the query has too much of, said for the user; null when within every cap.</summary>
    public string? Excess() =>
        Prefixes > MaxPrefixes ? $"A query may hold at most {MaxPrefixes} prefix searches (word*); it has {Prefixes}."
        : Excluded > MaxExcluded ? $"A query may exclude at most {MaxExcluded} words or phrases (-word); it excludes {Excluded}."
        : Phrases > MaxPhrases ? $"A query may hold at most {MaxPhrases} quoted phrases; it has {Phrases}."
        : Words > MaxWords ? $"A query may hold at most {MaxWords} words; it has {Words}. Keep the words that matter most."
        : null;
}
