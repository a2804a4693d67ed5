using System.IO.Compression;
using System.Text;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class ArticleSourcesTests
{
    private const string JsonLine = """{"id": "json-1", "title": "خبر من ملف JSON Lines"}""";

    private static TempDirectory FolderWithEveryKind()
    {
        var temp = new TempDirectory();
        File.WriteAllText(temp.File("a.jsonl"), JsonLine + "\n");
        File.Copy(TestCorpus.IndexData("pages", "page-01.txt"), temp.File("b.txt"));
        File.Copy(TestCorpus.IndexData("html", "article-01.html"), temp.File("c.html"));
        File.Copy(TestCorpus.IndexData("feeds", "sample-feed.xml"), temp.File("d.xml"));
        Directory.CreateDirectory(temp.File("nested"));
        using (var gzip = new GZipStream(File.Create(temp.File(Path.Combine("nested", "e.jsonl.gz"))), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("""{"id": "gz-1", "title": "خبر من ملف مضغوط"}""" + "\n"));
        }

        using (var gzip = new GZipStream(File.Create(temp.File(Path.Combine("nested", "f.ndjson.gz"))), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("""{"id": "ndgz-1", "title": "خبر من ملف مضغوط آخر"}""" + "\n"));
        }

        File.WriteAllText(temp.File("notes.csv"), "id,title\n1,x\n");
        File.WriteAllText(temp.File("README"), "not an article");
        Directory.CreateDirectory(temp.File(".cache"));
        File.WriteAllText(temp.File(Path.Combine(".cache", "hidden.jsonl")), """{"id": "hidden-1", "title": "مخفي"}""" + "\n");
        return temp;
    }

    [Fact]
    public void Reading_a_folder_walks_every_supported_file_and_passes_over_the_rest()
    {
        using var temp = FolderWithEveryKind();

        var results = new ArticleSources().Read([temp.Path]).ToList();

        Assert.All(results, result => Assert.Null(result.Problem));
        var ids = results.Select(result => result.Article!.Id).ToList();
        Assert.Equal(1 + 1 + 1 + 4 + 1 + 1, ids.Count);
        Assert.Contains("json-1", ids);
        Assert.Contains("gz-1", ids);
        Assert.Contains("ndgz-1", ids);
        Assert.Contains(ids, id => id.StartsWith("page-", StringComparison.Ordinal));
        Assert.Contains("https://example.com/almanara/culture/2025/09/alexandria-short-film-festival", ids);
        Assert.Contains("https://example.com/ofuq/2024/11/05/jordan-lebanon-committee", ids);
        Assert.DoesNotContain("hidden-1", ids);
    }

    private static string PageWithoutAddress(string title) =>
        $"<html><head><title>{title}</title></head><body><p>نص الخبر {title}</p></body></html>";

    [Fact]
    public void Pages_of_the_same_name_in_different_folders_are_named_by_their_path_from_the_folder_given()
    {
        using var temp = new TempDirectory();
        foreach (var folder in new[] { "2024/a", "2024/b", "2025/c" })
        {
            Directory.CreateDirectory(temp.File(folder));
            File.WriteAllText(temp.File(Path.Combine(folder, "index.html")), PageWithoutAddress("خبر " + folder));
        }

        var results = new ArticleSources().Read([temp.File("2024"), temp.File("2025")]).ToList();
        var whole = new ArticleSources().Read([temp.Path]).ToList();

        Assert.Equal(["a/index", "b/index", "c/index"], results.Select(result => result.Article?.Id));
        Assert.Equal(["2024/a/index", "2024/b/index", "2025/c/index"], whole.Select(result => result.Article?.Id));
        Assert.Equal("خبر 2024/b", whole[1].Article?.Title);
    }

    [Fact]
    public void Pages_directly_in_the_folder_given_or_given_themselves_keep_their_file_name_as_id()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("first.news.html"), PageWithoutAddress("الأول"));
        File.WriteAllText(temp.File("second.htm"), PageWithoutAddress("الثاني"));
        Directory.CreateDirectory(temp.File("nested"));
        File.WriteAllText(temp.File(Path.Combine("nested", "third.html")), PageWithoutAddress("الثالث"));

        var walked = new ArticleSources().Read([temp.Path]).Select(result => result.Article?.Id);
        var named = new ArticleSources().Read([temp.File(Path.Combine("nested", "third.html"))]).Select(result => result.Article?.Id);
        var read = new ArticleSources().ReadFile(temp.File(Path.Combine("nested", "third.html"))).Select(result => result.Article?.Id);

        Assert.Equal(["first.news", "nested/third", "second"], walked);
        Assert.Equal(["third"], named);
        Assert.Equal(["third"], read);
    }

    [Fact]
    public void ExpandPaths_lists_folder_files_in_name_order()
    {
        using var temp = FolderWithEveryKind();

        var files = ArticleSources.ExpandPaths([temp.Path]).Select(file => Path.GetRelativePath(temp.Path, file)).ToList();

        Assert.Equal(["a.jsonl", "b.txt", "c.html", "d.xml", Path.Combine("nested", "e.jsonl.gz"), Path.Combine("nested", "f.ndjson.gz")], files);
    }

    [Fact]
    public void Page_dates_get_the_configured_offset()
    {
        using var temp = FolderWithEveryKind();
        var beirut = TimeSpan.FromHours(2);

        var page = new ArticleSources(beirut).ReadFile(temp.File("b.txt")).Single().Article;

        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 15, 0, beirut), page?.PublishedAt);
    }

    [Theory]
    [InlineData("big.html")]
    [InlineData("big.txt")]
    [InlineData("big.rss")]
    public void A_page_or_feed_file_larger_than_any_is_refused_unread(string name)
    {
        using var folder = new TempDirectory();
        using (var file = File.Create(folder.File(name)))
        {
            file.SetLength(ArticleSources.MaxWholeFileBytes + 1);
        }

        var result = Assert.Single(new ArticleSources().ReadFile(folder.File(name)));

        Assert.Null(result.Article);
        Assert.Equal("larger than 16 MB: a page or feed file is read whole, and none is that large", result.Problem?.Message);
    }

    [Fact]
    public void An_explicit_unsupported_file_is_reported_as_a_problem()
    {
        using var temp = FolderWithEveryKind();
        var csv = temp.File("notes.csv");

        var result = Assert.Single(new ArticleSources().Read([csv]).ToList());

        Assert.Null(result.Article);
        Assert.Equal(csv, result.Problem?.File);
        Assert.Contains("unsupported", result.Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_reported_as_a_problem_and_the_other_paths_are_still_read()
    {
        using var temp = FolderWithEveryKind();
        var missing = temp.File("no-such-folder");

        var results = new ArticleSources().Read([missing, temp.File("a.jsonl")]).ToList();

        Assert.Equal(2, results.Count);
        Assert.Equal(missing, results[0].Problem?.File);
        Assert.Null(results[0].Article);
        Assert.Equal("json-1", results[1].Article?.Id);
    }
}
