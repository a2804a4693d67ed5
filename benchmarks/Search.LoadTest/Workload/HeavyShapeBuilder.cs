using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.LoadTest.Workload;

/// <summary>
/// Draws the hardening issue's expensive query shapes from a sample of articles, with a fixed seed: the ones the query
/// caps now refuse (150 excluded words, 125 quoted pairs, 250 words, a 1,000-character question) and the heaviest each
/// cap still lets through. Common words are the sample's most frequent words that survive analysis, so every clause
/// reads a long posting list; the over-cap shapes use the shortest of them so that they fit in 1,000 characters.
/// </summary>
public static partial class HeavyShapeBuilder
{
    private const int MaxQueryLength = 1_000;
    private const int CommonPoolSize = 300;

    /// <summary>The shapes, over-cap ones first, each with <paramref name="variants"/> queries.</summary>
    public static IReadOnlyList<HeavyShape> Build(IReadOnlyList<NewsArticle> articles, int variants, int seed)
    {
        using var analyzer = new ArabicNewsAnalyzer(stem: true);
        var documents = articles
            .Select(article => Words().Matches($"{article.Title}\n{article.Body ?? article.Lead}").Select(match => match.Value).ToArray())
            .Where(words => words.Length >= 200)
            .ToArray();
        if (documents.Length == 0)
        {
            throw new InvalidOperationException("The article sample has no article of 200 words or more to cut questions from.");
        }

        var byFrequency = documents.SelectMany(words => words.Distinct(StringComparer.Ordinal))
            .GroupBy(word => word, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .Where(word => TextAnalysis.Tokens(analyzer, NewsFields.Body, word).Count == 1)
            .Take(5_000)
            .ToList();
        var common = byFrequency.Take(CommonPoolSize).ToArray();

        // The most frequent words of two or three letters, enough of them for 250 distinct words in 1,000 characters.
        var shortWords = byFrequency.Where(word => word.Length <= 3).Take(400).ToArray();

        // Two-letter starts of frequent words; not the article ال or a conjunction و, which stemming strips away.
        var starts = byFrequency.Take(2_000)
            .Where(word => word.Length >= 4 && !word.StartsWith("ال", StringComparison.Ordinal) && !word.StartsWith("لل", StringComparison.Ordinal) && word[0] != 'و')
            .GroupBy(word => word[..2], StringComparer.Ordinal)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .Take(10)
            .ToArray();

        var random = new Random(seed);
        List<string> Draw(Func<string> make) => [.. Enumerable.Range(0, variants).Select(_ => make())];
        return
        [
            new("excluded-150", "3 common words and 150 excluded common words (-word)", true,
                Draw(() => Join(Pick(common, 3, random).Concat(Pick(shortWords, 150, random).Select(word => "-" + word)), " "))),
            new("phrases-125", "125 quoted pairs of common words", true,
                Draw(() => Fit(Pairs(shortWords, 125, random), 125))),
            new("words-250", "250 common words", true,
                Draw(() => Join(Pick(shortWords, 250, random), " "))),
            new("question-1000", "a 1,000-character question: an article's running text ending in ؟", true,
                Draw(() => Question(documents[random.Next(documents.Length)], int.MaxValue, random))),
            new("excluded-20", "4 common words and 20 excluded common words", false,
                Draw(() => Join(Pick(common, 24, random).Select((word, i) => i < 4 ? word : "-" + word), " "))),
            new("phrases-10", "10 quoted pairs of common words", false,
                Draw(() => Join(Pairs(common, 10, random), " "))),
            new("words-64", "64 common words", false,
                Draw(() => Join(Pick(common, 64, random), " "))),
            new("question-64", "a 64-word question: an article's running text ending in ؟", false,
                Draw(() => Question(documents[random.Next(documents.Length)], 64, random))),
            new("prefixes-5", "5 two-letter prefixes (xy*) of frequent words", false,
                Draw(() => Join(Pick(starts, 5, random).Select(start => start + "*"), " "))),
        ];
    }

    /// <summary>One-word queries: the common words, for the light traffic that must go on during a flood.</summary>
    public static IReadOnlyList<string> OneWordQueries(IReadOnlyList<NewsArticle> articles)
    {
        using var analyzer = new ArabicNewsAnalyzer(stem: true);
        return [.. articles
            .SelectMany(article => Words().Matches($"{article.Title}\n{article.Body ?? article.Lead}").Select(match => match.Value).Distinct(StringComparer.Ordinal))
            .GroupBy(word => word, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .Where(word => word.Length >= 3 && TextAnalysis.Tokens(analyzer, NewsFields.Body, word).Count == 1)
            .Take(100)];
    }

    /// <summary><paramref name="count"/> distinct words at random from the pool (all of it, shuffled, when it is smaller).</summary>
    private static IEnumerable<string> Pick(string[] pool, int count, Random random)
    {
        var copy = (string[])pool.Clone();
        random.Shuffle(copy);
        return copy.Take(count);
    }

    private static IEnumerable<string> Pairs(string[] pool, int count, Random random)
    {
        var words = Pick(pool, 2 * count, random).ToArray();
        return Enumerable.Range(0, Math.Min(count, words.Length / 2)).Select(i => $"\"{words[2 * i]} {words[(2 * i) + 1]}\"");
    }

    private static string Join(IEnumerable<string> parts, string separator) => string.Join(separator, parts);

    /// <summary>Quoted pairs with a space between them, or none when that is what it takes to stay within 1,000
    /// characters (the parser needs no space after a closing quote); as many pairs as fit.</summary>
    private static string Fit(IEnumerable<string> pairs, int count)
    {
        var list = pairs.Take(count).ToList();
        var spaced = Join(list, " ");
        if (spaced.Length <= MaxQueryLength)
        {
            return spaced;
        }

        var packed = new StringBuilder();
        foreach (var pair in list.TakeWhile(pair => packed.Length + pair.Length <= MaxQueryLength))
        {
            packed.Append(pair);
        }

        return packed.ToString();
    }

    /// <summary>Running text of one article from a random word on: <paramref name="words"/> words, or as many as fit
    /// in 1,000 characters, ending in the Arabic question mark.</summary>
    private static string Question(string[] article, int words, Random random)
    {
        var text = new StringBuilder();
        var taken = 0;
        for (var i = random.Next(Math.Max(1, article.Length - 200)); i < article.Length && taken < words; i++, taken++)
        {
            if (text.Length + 1 + article[i].Length + 1 > MaxQueryLength)
            {
                break;
            }

            text.Append(taken == 0 ? "" : " ").Append(article[i]);
        }

        return text.Append('؟').ToString();
    }

    [GeneratedRegex(@"[\u0621-\u064A]{2,}")]
    private static partial Regex Words();
}
