using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.LoadTest.Workload;

/// <summary>A fixed-seed sample of articles to draw queries from: out of an index's stored fields, or out of input files.</summary>
public static class ArticleSample
{
    /// <summary>Up to <paramref name="count"/> random live articles of the committed index, read without taking its write lock.</summary>
    public static IReadOnlyList<NewsArticle> FromIndex(string indexPath, int count, int seed)
    {
        using var directory = new NIOFSDirectory(indexPath);
        using var reader = DirectoryReader.Open(directory);
        var live = MultiFields.GetLiveDocs(reader);
        var random = new Random(seed);
        var chosen = new HashSet<int>();
        var articles = new List<NewsArticle>(count);
        var wanted = Math.Min(count, reader.NumDocs);
        while (articles.Count < wanted)
        {
            var doc = random.Next(reader.MaxDoc);
            if ((live is null || live.Get(doc)) && chosen.Add(doc))
            {
                articles.Add(NewsDocumentMapper.ToArticle(reader.Document(doc)));
            }
        }

        return articles;
    }

    /// <summary>The first articles of each input file, an equal share each, up to <paramref name="count"/> in all.</summary>
    public static IReadOnlyList<NewsArticle> FromFiles(IEnumerable<string> paths, int count)
    {
        var sources = new ArticleSources();
        var files = ArticleSources.ExpandPaths(paths).ToList();
        var perFile = Math.Max(1, (count + files.Count - 1) / Math.Max(1, files.Count));
        return [.. files
            .SelectMany(file => sources.ReadFile(file).Where(record => record.Article is not null).Select(record => record.Article!).Take(perFile))
            .Take(count)];
    }
}
