using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

/// <summary>Real news text from the ANT corpus, read where the team keeps it; skipped on machines without it.</summary>
public sealed class AntCorpusTests
{
    private const int ArticleCount = 2_000;

    [SkippableFact]
    public void First_2000_BBC_articles_index_and_common_words_find_hits()
    {
        Skip.IfNot(File.Exists(TestCorpus.AntBbc), TestCorpus.AntBbc + " is not on this machine");
        var problems = new List<IngestProblem>();
        using var index = NewsIndex.InMemory();

        var progress = ArticleImporter.Import(index, JsonLinesArticleReader.ReadFile(TestCorpus.AntBbc).Take(ArticleCount), problems.Add);
        index.Refresh();

        Assert.Empty(problems);
        Assert.Equal(ArticleCount, progress.Indexed);
        Assert.Equal(ArticleCount, index.Count);
        foreach (var query in new[] { "مصر", "الرئيس الأمريكي", "كرة القدم", "\"الأمم المتحدة\"", "الفلسطينيين", "اقتصا*" })
        {
            var results = index.Search(new SearchRequest(query));
            Assert.True(results.Total > 0, $"no hits for {query}");
            Assert.NotEmpty(results.Hits);
            Assert.All(results.Hits, hit => Assert.NotNull(index.Find(hit.Id)));
            Assert.All(results.Hits, hit => Assert.Contains("<mark>", string.Concat(hit.Highlights.Snippets.Append(hit.Highlights.Title)), StringComparison.Ordinal));
        }
    }
}
