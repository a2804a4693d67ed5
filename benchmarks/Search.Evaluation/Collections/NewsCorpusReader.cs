using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.Evaluation.Collections;

/// <summary>Reads news files and folders (<c>.jsonl</c>, <c>.jsonl.gz</c> and the other formats the indexer takes) with
/// <see cref="ArticleSources"/>.</summary>
public static class NewsCorpusReader
{
    private const int MaxProblemsShown = 10;

    /// <param name="log">Told about the first few rejected records and about progress.</param>
    public static NewsCorpus Read(IReadOnlyList<string> paths, TextWriter log)
    {
        var articles = new List<NewsArticle>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        var duplicates = 0;
        foreach (var record in new ArticleSources().Read(paths))
        {
            if (record.Article is { } article)
            {
                if (ids.Add(article.Id))
                {
                    articles.Add(article);
                }
                else
                {
                    duplicates++;
                }
            }
            else if (record.Problem is { } problem)
            {
                if (skipped++ < MaxProblemsShown)
                {
                    log.WriteLine($"  skipped {problem}");
                }
            }
        }

        if (skipped > MaxProblemsShown)
        {
            log.WriteLine($"  ({skipped - MaxProblemsShown:N0} more skipped records not shown)");
        }

        return new NewsCorpus(articles, skipped, duplicates);
    }
}
