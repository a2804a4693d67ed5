using Search.Core.Documents;
using Search.Evaluation.Scoring;

namespace Search.Evaluation.Collections;

/// <summary>
/// The headline task: every article with a body is indexed with its headline replaced by the body's first sentence (and
/// no lead, which mostly repeats the body's opening), and a seeded sample of real headlines are the queries. An
/// article's relevant documents are itself and every article with the same trimmed body, so wire copies count.
/// </summary>
public static class HeadlineCollection
{
    /// <param name="articles">Articles in a fixed order (file order), so the sample is the same on every run.</param>
    public static TestCollection Build(string name, IReadOnlyList<NewsArticle> articles, int queryCount, int seed)
    {
        var withBody = articles.Where(article => !string.IsNullOrWhiteSpace(article.Body)).ToList();
        var documents = withBody
            .Select(article => new EvaluationDocument(article.Id, FirstSentence.Of(article.Body!), article.Body!))
            .ToList();
        var idsByBody = withBody
            .GroupBy(article => article.Body!.Trim(), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(article => article.Id).ToList(), StringComparer.Ordinal);

        var sample = Sample(withBody.Where(article => !string.IsNullOrWhiteSpace(article.Title)).ToList(), queryCount, seed);
        var queries = sample.Select(article => new EvaluationQuery(article.Id, article.Title)).ToList();
        var judgements = sample.ToDictionary(
            article => article.Id,
            article => (IReadOnlySet<string>)idsByBody[article.Body!.Trim()].ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new TestCollection(name, documents, queries, new Qrels(judgements));
    }

    /// <summary>The first <paramref name="count"/> items of a seeded Fisher–Yates shuffle.</summary>
    public static List<T> Sample<T>(IReadOnlyList<T> items, int count, int seed)
    {
        var pool = items.ToArray();
        var random = new Random(seed);
        var taken = Math.Min(count, pool.Length);
        for (var i = 0; i < taken; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(taken)];
    }
}
