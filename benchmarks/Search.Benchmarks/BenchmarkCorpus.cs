using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.Benchmarks;

/// <summary>
/// The seeded corpus every benchmark builds in its global setup: the first articles of each ANT multi-source file
/// (read at run time, never copied into the project), or, when that corpus is absent, synthetic Arabic-like articles
/// from <see cref="SyntheticArabicText"/>. The same inputs always give the same articles, so the host process and
/// the benchmark process agree on the text volume.
/// </summary>
public static class BenchmarkCorpus
{
    public const int DefaultSize = 2_000;
    private const int Seed = 42;

    private static readonly Lazy<Loaded> Default = new(() => Load(DefaultSize));

    /// <summary>The <see cref="DefaultSize"/>-article corpus, loaded once per process.</summary>
    public static IReadOnlyList<NewsArticle> Articles => Default.Value.Articles;

    /// <summary>Where <see cref="Articles"/> came from, for the benchmark log.</summary>
    public static string Description => Default.Value.Description;

    private static Loaded Load(int size)
    {
        var files = BenchmarkData.MultiSourceFiles();
        if (files.Count == 0)
        {
            return new Loaded(SyntheticArabicText.Articles(size, Seed), $"{size:N0} synthetic articles (ANT corpus not found)");
        }

        // An equal share from each outlet, in file order, so no single outlet's style dominates.
        var perFile = (size + files.Count - 1) / files.Count;
        var articles = files
            .SelectMany(file => JsonLinesArticleReader.ReadFile(file)
                .Where(record => record.Article is not null)
                .Select(record => record.Article!)
                .Take(perFile))
            .Take(size)
            .ToList();
        return new Loaded(articles, $"first {perFile:N0} articles of each of {files.Count} ANT multi-source files ({articles.Count:N0} in all)");
    }

    private sealed record Loaded(IReadOnlyList<NewsArticle> Articles, string Description);
}
