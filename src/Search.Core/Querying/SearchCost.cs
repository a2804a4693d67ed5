namespace Search.Core.Querying;

/// <summary>
/// A quick guess at how much work a search will be, from its text alone, for admission before any parsing: many words,
/// phrases, prefixes or exclusions, exclusions alone, a large page, or a page deep in the results, make a search heavy. Heavy searches wait in their own lane so that
/// they never hold up the one-word queries most readers type.
/// </summary>
public enum SearchCost
{
    Light,
    Heavy,
}

/// <summary>Estimates <see cref="SearchCost"/> from the characters, without allocating.</summary>
public static class SearchCostEstimate
{
    /// <summary>More words than a headline usually has.</summary>
    public const int HeavyWords = 16;

    /// <summary>The deepest hit a light search's page may reach: a page ending past it makes the search collect, rank
    /// and collapse every hit above it (page 200 of 50 took 200 ms where the first took 6), as a large page does.
    /// A cursor (<c>after</c>) reaches any depth at a first page's cost.</summary>
    public const int HeavyDepth = 1_000;

    /// <param name="query">The query as typed.</param>
    /// <param name="pageSize">Hits a page.</param>
    /// <param name="page">The 1-based page asked for (1 for a cursor's next page).</param>
    public static SearchCost Of(string? query, int pageSize, int page = 1)
    {
        if (pageSize > 50 || (long)page * pageSize > HeavyDepth)
        {
            return SearchCost.Heavy;
        }

        if (string.IsNullOrEmpty(query))
        {
            return SearchCost.Light;
        }

        int words = 0, quotes = 0, stars = 0, exclusions = 0;
        var inWord = false;
        foreach (var c in query)
        {
            var separator = char.IsWhiteSpace(c);
            if (!separator && !inWord)
            {
                words++;
                exclusions += c is '-' or '−' ? 1 : 0;
            }

            inWord = !separator;
            quotes += c is '"' or '“' or '”' or '«' or '»' ? 1 : 0;
            stars += c == '*' ? 1 : 0;
        }

        // Exclusions alone list every other article: a walk of the whole index, as no filtered browse is. Words are
        // counted as the tokenizer splits them too, so hundreds joined by punctuation (a/a/a…) are no light search.
        return words > HeavyWords || QueryWords.Count(query) > HeavyWords || quotes > 4 || stars > 0 || exclusions > 3 || (exclusions > 0 && exclusions == words)
            ? SearchCost.Heavy
            : SearchCost.Light;
    }
}
