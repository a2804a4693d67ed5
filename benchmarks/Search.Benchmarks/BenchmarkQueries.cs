using System.Text.RegularExpressions;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks;

/// <summary>
/// Draws search-box queries of one shape from the seeded corpus with a fixed seed, keeping only those that fill a page
/// (at least <c>pageSize</c> hits), so every query highlights the same number of hits.
/// </summary>
public static partial class BenchmarkQueries
{
    public const string Word = "word";
    public const string TwoWords = "two-words";
    public const string Phrase = "phrase";
    public const string Prefix = "prefix";

    private const int MaxAttempts = 20_000;

    public static string[] Draw(string shape, IReadOnlyList<NewsArticle> articles, NewsIndex index, int count, int pageSize, int seed)
    {
        var random = new Random(seed);
        var bodies = articles.Select(article => ArabicWords().Matches(article.Body ?? article.Title).Select(match => match.Value).ToArray())
            .Where(words => words.Length >= 2)
            .ToArray();
        var documentFrequency = bodies.SelectMany(words => words.Distinct())
            .GroupBy(word => word, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        // Words in 1–25 % of articles: frequent enough to fill a page, rarer than function words.
        var pool = documentFrequency.Where(entry => entry.Value >= articles.Count / 100 && entry.Value <= articles.Count / 4)
            .Select(entry => entry.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (pool.Length == 0)
        {
            throw new InvalidOperationException("The corpus has no mid-frequency words to draw queries from.");
        }

        var queries = new List<string>();
        for (var attempt = 0; attempt < MaxAttempts && queries.Count < count; attempt++)
        {
            var query = shape switch
            {
                Word => pool[random.Next(pool.Length)],
                TwoWords => $"{pool[random.Next(pool.Length)]} {pool[random.Next(pool.Length)]}",
                Phrase => AdjacentPair(bodies[random.Next(bodies.Length)], random),
                Prefix => pool[random.Next(pool.Length)] is { Length: >= 6 } word ? PrefixOf(word) : null,
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown query shape"),
            };
            if (query is not null && !queries.Contains(query)
                && index.Search(new SearchRequest(query, 1, pageSize, Highlight: false)).Hits.Count >= pageSize)
            {
                queries.Add(query);
            }
        }

        return queries.Count == count
            ? [.. queries]
            : throw new InvalidOperationException($"Found only {queries.Count} '{shape}' queries with {pageSize} hits.");
    }

    /// <summary>Four letters and a star; five when the word starts with the article ال, which alone would match most words.</summary>
    private static string PrefixOf(string word) => word[..(word.StartsWith("ال", StringComparison.Ordinal) ? 5 : 4)] + "*";

    private static string AdjacentPair(string[] words, Random random)
    {
        var i = random.Next(words.Length - 1);
        return $"\"{words[i]} {words[i + 1]}\"";
    }

    /// <summary>Runs of Arabic letters, three or more: query words as a user would type them.</summary>
    [GeneratedRegex(@"[\u0621-\u064A]{3,}")]
    private static partial Regex ArabicWords();
}
