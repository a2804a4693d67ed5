namespace Search.Core.Querying;

/// <summary>
/// A quick guess at how much work a search will be, from its text alone, for admission before any parsing: many words,
/// phrases, prefixes or exclusions, or a large page, make a search heavy. Heavy searches wait in their own lane so that
/// they never hold up the one-word queries most readers type.
/// </summary>
public enum SearchCost
{
    Light,
    Heavy,
}

/// <summary>Estimates <see cref="SearchCost"/> in one pass over the characters, without allocating.</summary>
public static class SearchCostEstimate
{
    /// <summary>More words than a headline usually has.</summary>
    public const int HeavyWords = 16;

    public static SearchCost Of(string? query, int pageSize)
    {
        if (pageSize > 50)
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

        return words > HeavyWords || quotes > 4 || stars > 0 || exclusions > 3 ? SearchCost.Heavy : SearchCost.Light;
    }
}
