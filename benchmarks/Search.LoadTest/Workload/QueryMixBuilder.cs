using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;
using Search.Core.Ranking;

namespace Search.LoadTest.Workload;

/// <summary>
/// Draws a fixed-seed query mix from a sample of articles: for each <see cref="QueryClass"/>, queries as a user would type
/// them, made only of words that survive analysis (stop words alone would search nothing and time nothing).
/// </summary>
public static partial class QueryMixBuilder
{
    private const int CommonPoolSize = 100;
    private const int QuestionWords = 6;

    /// <param name="questionsFile">XQuAD <c>queries.tsv</c> (<c>id&lt;TAB&gt;question</c>); null to cut questions from articles.</param>
    public static IReadOnlyDictionary<QueryClass, IReadOnlyList<string>> Build(
        IReadOnlyList<NewsArticle> articles, string? questionsFile, int perClass, int seed)
    {
        using var analyzer = new ArabicNewsAnalyzer(stem: true);
        var searchable = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsSearchable(string word)
        {
            if (!searchable.TryGetValue(word, out var ok))
            {
                ok = TextAnalysis.Tokens(analyzer, NewsFields.Body, word).Count == 1;
                searchable[word] = ok;
            }

            return ok;
        }

        var documents = articles
            .Select(article => Words().Matches($"{article.Title}\n{article.Body ?? article.Lead}").Select(match => match.Value).ToArray())
            .Where(words => words.Length >= QuestionWords)
            .ToArray();
        if (documents.Length == 0)
        {
            throw new InvalidOperationException("The article sample has no text to draw queries from.");
        }

        var frequency = documents.SelectMany(words => words.Distinct(StringComparer.Ordinal))
            .GroupBy(word => word, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var byFrequency = frequency.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => entry.Key)
            .Where(IsSearchable)
            .ToList();
        var common = byFrequency.Take(CommonPoolSize).ToArray();
        var rare = byFrequency.Where(word => frequency[word] == 1 && word.Length >= 4).ToArray();
        var prefixable = byFrequency.Where(word => frequency[word] >= 3 && word.Length >= 6).ToArray();
        var questions = questionsFile is null ? [] : ReadQuestions(questionsFile);

        var random = new Random(seed);
        var mix = new Dictionary<QueryClass, IReadOnlyList<string>>();
        foreach (var queryClass in Enum.GetValues<QueryClass>())
        {
            var queries = new List<string>(perClass);
            for (var attempt = 0; queries.Count < perClass && attempt < perClass * 100; attempt++)
            {
                var words = documents[random.Next(documents.Length)];
                var query = queryClass switch
                {
                    QueryClass.CommonTerm => common[random.Next(common.Length)],
                    QueryClass.RareTerm => rare.Length > 0 ? rare[random.Next(rare.Length)] : null,
                    QueryClass.TwoWords => TwoWords(words, frequency, IsSearchable, random) is { } pair ? $"{pair.A} {pair.B}" : null,
                    QueryClass.TwoWordsOr => TwoWords(words, frequency, IsSearchable, random) is { } pair ? $"{pair.A} OR {pair.B}" : null,
                    QueryClass.Phrase => Adjacent(words, IsSearchable, random),
                    QueryClass.Prefix => prefixable.Length > 0 ? Prefix(prefixable[random.Next(prefixable.Length)]) : null,
                    QueryClass.Question => questions.Count > 0
                        ? questions[random.Next(questions.Count)]
                        : string.Join(' ', words.Skip(random.Next(words.Length - QuestionWords + 1)).Take(QuestionWords)),
                    _ => null,
                };
                if (query is not null)
                {
                    queries.Add(query);
                }
            }

            mix[queryClass] = queries;
        }

        return mix;
    }

    /// <summary>Six-word questions; when there are too few, questions of five to eight words.</summary>
    private static IReadOnlyList<string> ReadQuestions(string path)
    {
        var all = File.ReadLines(path)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2)
            .Select(fields => fields[1].Trim())
            .ToList();
        int Length(string question) => question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var exact = all.Where(question => Length(question) == QuestionWords).ToList();
        return exact.Count >= 50 ? exact : [.. all.Where(question => Length(question) is >= 5 and <= 8)];
    }

    /// <summary>Two different searchable words of one article, each in at least two sampled articles.</summary>
    private static (string A, string B)? TwoWords(string[] words, Dictionary<string, int> frequency, Func<string, bool> isSearchable, Random random)
    {
        var candidates = words.Where(word => frequency[word] >= 2 && isSearchable(word)).Distinct(StringComparer.Ordinal).ToArray();
        if (candidates.Length < 2)
        {
            return null;
        }

        var a = random.Next(candidates.Length);
        var b = (a + 1 + random.Next(candidates.Length - 1)) % candidates.Length;
        return (candidates[a], candidates[b]);
    }

    private static string? Adjacent(string[] words, Func<string, bool> isSearchable, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var i = random.Next(words.Length - 1);
            if (isSearchable(words[i]) && isSearchable(words[i + 1]))
            {
                return $"\"{words[i]} {words[i + 1]}\"";
            }
        }

        return null;
    }

    /// <summary>Four letters and a star; five when the word starts with the article ال, which alone would match most words.</summary>
    private static string Prefix(string word) => word[..(word.StartsWith("ال", StringComparison.Ordinal) ? 5 : 4)] + "*";

    [GeneratedRegex(@"[\u0621-\u064A]{3,}")]
    private static partial Regex Words();
}
