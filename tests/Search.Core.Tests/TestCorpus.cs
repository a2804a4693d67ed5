using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ranking;

namespace Search.Core.Tests;

/// <summary>Builds articles, small in-memory indexes and paths to the sample files the tests read.</summary>
internal static class TestCorpus
{
    /// <summary>The seed page shared by the team; absent on machines without /work/shared.</summary>
    public const string SeedPage = "/work/shared/seed/scraped-news-page.txt";

    public const string AntBbc = "/work/shared/data/ant-multisource/ant_multisource_v2.1.BBC.jsonl.gz";

    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    public static string RepositoryRoot => RepositoryRootPath.Value;

    /// <summary>A file under <c>index-data/</c> of this repository.</summary>
    public static string IndexData(params string[] parts) => Path.Combine([RepositoryRoot, "index-data", .. parts]);

    public static NewsArticle Article(
        string id,
        string title,
        string? body = null,
        string? lead = null,
        string? section = null,
        string? source = null,
        DateTimeOffset? publishedAt = null,
        params string[] tags) => new()
        {
            Id = id,
            Title = title,
            Body = body,
            Lead = lead,
            Section = section,
            Source = source,
            PublishedAt = publishedAt,
            Tags = tags,
        };

    /// <summary>For words typed with a space inside them: a hundred articles on Morocco (المغرب); الم (pain) and غرب
    /// (west) one each; برية (overland) and بري (a name) one each; أبو ظبي written apart and as one word alike.</summary>
    public static NewsIndex SplitWordIndex() => InMemoryIndexOf(
    [
        .. Enumerable.Range(0, 100).Select(i => Article($"morocco-{i}", $"المنتخب يفوز في المغرب {i}", "مباراة في المغرب.")),
        Article("pain", "شعور الم في الظهر", "طبيب يشرح."),
        Article("west", "رياح من غرب البلاد", "طقس بارد."),
        Article("border", "حدود برية طويلة", "بين البلدين."),
        Article("palace", "قصر بري الجديد", "افتتاح القصر."),
        Article("apart", "زيارة إلى أبو ظبي", "وصل الوفد."),
        Article("together", "زيارة إلى أبوظبي", "وصل الوفد."),
    ]);

    /// <summary>An in-memory index holding <paramref name="articles"/>, every write already visible to searches.</summary>
    public static NewsIndex InMemoryIndexOf(params NewsArticle[] articles) => InMemoryIndexOf(new RankingOptions(), articles);

    /// <summary>An in-memory index of <paramref name="articles"/> ranking with <paramref name="ranking"/>, all searchable.</summary>
    public static NewsIndex InMemoryIndexOf(RankingOptions ranking, params NewsArticle[] articles)
    {
        var index = NewsIndex.InMemory(ranking);
        var generation = 0L;
        foreach (var article in articles)
        {
            generation = index.Upsert(article);
        }

        index.WaitFor(generation);
        return index;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh folder under the system temp path, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failed test must not hide that test's own failure.
        }
    }
}
