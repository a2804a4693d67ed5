using System.CommandLine;
using Search.Core.Indexing;

namespace Search.Indexer.Tests;

public sealed class IndexCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "indexer-tests-" + Guid.NewGuid().ToString("N"));

    public IndexCommandTests()
    {
        Directory.CreateDirectory(_root);
    }

    private string IndexPath => Path.Combine(_root, "index");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Indexing_good_records_exits_zero_and_reports_the_count()
    {
        var input = Write("good.jsonl", Record("a-1", "وزير الاتصالات يفتتح معرضا"), Record("a-2", "البنك المركزي يثبت أسعار الفائدة"));

        var (exit, output, _) = Run("index", input, "--index", IndexPath);

        Assert.Equal(0, exit);
        Assert.Contains("Indexed 2 articles, skipped 0", output, StringComparison.Ordinal);
        Assert.Equal(2, CountArticles());
    }

    [Fact]
    public void An_index_path_that_is_a_file_is_an_error_message_not_a_crash()
    {
        var input = Write("good.jsonl", Record("a-1", "وزير الاتصالات يفتتح معرضا"));
        var notAFolder = Write("not-a-folder", "x");

        var (exit, _, error) = Run("index", input, "--index", notAFolder);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: cannot open the index at {notAFolder}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_records_are_reported_with_file_and_line_skipped_and_the_exit_code_says_so()
    {
        var input = Write(
            "mixed.jsonl",
            Record("b-1", "عنوان أول"),
            "{not json",
            """{"id":"b-3"}""",
            """{"id":"b-4","title":"عنوان","date":"الأمس"}""",
            Record("b-5", "عنوان خامس"));

        var (exit, output, error) = Run("index", input, "--index", IndexPath);

        Assert.Equal(2, exit);
        Assert.Contains($"{input}:2: invalid JSON", error, StringComparison.Ordinal);
        Assert.Contains($"{input}:3: missing required field 'title'", error, StringComparison.Ordinal);
        Assert.Contains($"{input}:4: unparseable date", error, StringComparison.Ordinal);
        Assert.Contains("Indexed 2 articles, skipped 3", output, StringComparison.Ordinal);
        Assert.Equal(2, CountArticles());
    }

    [Fact]
    public void A_record_with_a_lone_surrogate_or_an_unreadable_date_is_skipped_with_file_and_line_and_later_records_are_indexed()
    {
        var input = Write(
            "hostile.jsonl",
            Record("h-1", "عنوان أول"),
            """{"id":"h-2","title":"\ud800 عنوان"}""",
            """{"id":"h-3","title":"عنوان","publishedAt":"\ufefb\ufffe 2024"}""",
            Record("h-4", "عنوان رابع"));

        var (exit, output, error) = Run("index", input, "--index", IndexPath);

        Assert.Equal(2, exit);
        Assert.Contains($"{input}:2: field 'title' is not valid Unicode text", error, StringComparison.Ordinal);
        Assert.Contains($"{input}:3: unparseable date", error, StringComparison.Ordinal);
        Assert.Contains("Indexed 2 articles, skipped 2", output, StringComparison.Ordinal);
        using var index = NewsIndex.Open(new NewsIndexOptions(IndexPath));
        Assert.NotNull(index.Find("h-4"));
    }

    [Fact]
    public void A_Windows_1256_file_is_reported_line_by_line_and_the_next_file_is_still_indexed()
    {
        var windows1256 = Path.Combine(_root, "a-cp1256.jsonl");
        File.WriteAllBytes(windows1256, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(Record("w-1", "خبر بترميز ويندوز") + "\n"));
        var utf8 = Write("b-utf8.jsonl", Record("w-2", "خبر سليم"));

        var (exit, output, error) = Run("index", windows1256, utf8, "--index", IndexPath);

        Assert.Equal(2, exit);
        Assert.Contains($"{windows1256}:1: not valid UTF-8 (the file looks like Windows-1256; convert it with iconv -f cp1256 -t utf-8)", error, StringComparison.Ordinal);
        Assert.Contains("Indexed 1 articles, skipped 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scraped_site_saved_as_index_html_in_each_folder_gives_one_article_per_page()
    {
        var site = Path.Combine(_root, "site");
        foreach (var folder in new[] { "2024/a", "2024/b", "2025/c" })
        {
            Directory.CreateDirectory(Path.Combine(site, folder));
            File.WriteAllText(Path.Combine(site, folder, "index.html"), $"<html><head><title>خبر {folder}</title></head><body><p>نص الخبر</p></body></html>");
        }

        var (exit, output, _) = Run("index", site, "--index", IndexPath);

        Assert.Equal(0, exit);
        Assert.Contains("Indexed 3 articles, skipped 0", output, StringComparison.Ordinal);
        using var index = NewsIndex.Open(new NewsIndexOptions(IndexPath));
        Assert.Equal(3, index.Count);
        Assert.Equal("خبر 2024/b", index.Find("2024/b/index")?.Title);
    }

    [Fact]
    public void A_Windows_1256_page_is_indexed_as_Arabic_text()
    {
        var page = Path.Combine(_root, "p.html");
        var html = $"<html><head><meta charset=\"windows-1256\"><title>وزير الاتصالات يجتمع بنظيره</title></head><body><p>{string.Concat(Enumerable.Repeat("استقبل وزير الاتصالات بمكتبه نظيره الفلسطيني ", 20))}</p></body></html>";
        File.WriteAllBytes(page, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(html));

        var (exit, _, _) = Run("index", page, "--index", IndexPath);

        Assert.Equal(0, exit);
        using var index = NewsIndex.Open(new NewsIndexOptions(IndexPath));
        Assert.Equal("وزير الاتصالات يجتمع بنظيره", index.Find("p")?.Title);
    }

    [Fact]
    public void Indexing_the_same_ids_again_replaces_rather_than_adds()
    {
        var first = Write("v1.jsonl", Record("c-1", "النسخة الأولى"));
        var second = Write("v2.jsonl", Record("c-1", "النسخة الثانية"));

        Assert.Equal(0, Run("index", first, "--index", IndexPath).Exit);
        Assert.Equal(0, Run("index", second, "--index", IndexPath).Exit);

        using var index = NewsIndex.Open(new NewsIndexOptions(IndexPath));
        Assert.Equal(1, index.Count);
        Assert.Equal("النسخة الثانية", index.Find("c-1")!.Title);
    }

    [Fact]
    public void A_missing_input_fails_with_a_message_and_leaves_the_index_untouched()
    {
        Run("index", Write("seed.jsonl", Record("d-1", "خبر قائم")), "--index", IndexPath);

        var (exit, _, error) = Run("index", Path.Combine(_root, "nope.jsonl"), "--index", IndexPath);

        Assert.Equal(1, exit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
        Assert.Equal(1, CountArticles());
    }

    [Theory]
    [InlineData("--threads", "abc")]
    [InlineData("--threads", "0")]
    [InlineData("--ram-buffer-mb", "1")]
    [InlineData("--max-segments", "-1")]
    [InlineData("--page-utc-offset", "5")] // five days to TimeSpan
    [InlineData("--page-utc-offset", "14:01")]
    [InlineData("--page-utc-offset", "00:00:30")]
    [InlineData("--page-utc-offset", "abc")]
    [InlineData("--index", "")]
    [InlineData("--index", " ")]
    public void Invalid_options_are_rejected_with_a_message(string option, string value)
    {
        var input = Write("x.jsonl", Record("e-1", "خبر"));

        var (exit, output, error) = Run("index", input, "--index", IndexPath, option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(option, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(IndexPath));
    }

    [Theory]
    [InlineData("+03:00", "2024-11-05T08:15:00.0000000+03:00")]
    [InlineData("-05:00", "2024-11-05T08:15:00.0000000-05:00")]
    public void A_page_offset_with_or_without_a_sign_dates_scraped_pages(string offset, string expected)
    {
        var page = Path.Combine(RepositoryRoot(), "index-data", "pages", "page-01.txt");

        var (exit, _, error) = Run("index", page, "--index", IndexPath, "--page-utc-offset", offset);

        Assert.True(exit == 0, error);
        Assert.Contains(expected, StoredDates(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_path_among_the_inputs_is_rejected_with_a_message()
    {
        var (exit, output, error) = Run("index", Write("x.jsonl", Record("e-1", "خبر")), "", "--index", IndexPath);

        Assert.NotEqual(0, exit);
        Assert.Contains("an empty path", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(IndexPath));
    }

    [Fact]
    public void A_folder_is_walked_and_the_sample_corpus_indexes_without_problems()
    {
        var sample = Path.Combine(RepositoryRoot(), "index-data");

        var (exit, output, error) = Run("index", sample, "--index", IndexPath);

        Assert.True(exit == 0, error);
        Assert.Matches(@"Indexed \d+ articles, skipped 0", output);
        Assert.True(CountArticles() >= 40);
    }

    [SkippableFact]
    public void A_disk_that_fills_mid_import_is_an_error_message_and_the_same_command_finishes_once_there_is_room()
    {
        var input = Write("many.jsonl", [.. Enumerable.Range(0, 4000).Select(i => RecordWithBody($"m-{i}", RandomWords(i)))]);
        using var disk = Search.Tests.Shared.TmpfsMount.TryMount(Path.Combine(_root, "disk"), 2);
        Skip.If(disk is null, "cannot mount a tmpfs here");
        var index = Path.Combine(disk.Path, "index");

        var (exit, _, error) = Run("index", input, "--index", index);

        Assert.Equal(1, exit);
        Assert.Contains($"error: writing the index at {index} failed: No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        Assert.True(disk.Resize(256));
        var (again, output, _) = Run("index", input, "--index", index);

        Assert.Equal(0, again);
        Assert.Contains("now holds 4,000 articles", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = IndexerCli.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The publication times the index stores, as written (ISO 8601 with their offsets).</summary>
    private string StoredDates()
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(IndexPath);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        return string.Join(' ', Enumerable.Range(0, reader.MaxDoc).Select(doc => reader.Document(doc).Get(Search.Core.Documents.NewsFields.PublishedAtText)));
    }

    private int CountArticles()
    {
        using var index = NewsIndex.Open(new NewsIndexOptions(IndexPath));
        return index.Count;
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static string Record(string id, string title) =>
        $$"""{"id":"{{id}}","title":"{{title}}","body":"نص الخبر {{title}}.","date":"2025-01-02T10:00:00+03:00","source":"الرصد"}""";

    private static string RecordWithBody(string id, string body) =>
        $$"""{"id":"{{id}}","title":"خبر {{id}}","body":"{{body}}","date":"2025-01-02T10:00:00+03:00","source":"الرصد"}""";

    /// <summary>Made-up words from Arabic letters, a different run for each seed: text that fills an index quickly.</summary>
    private static string RandomWords(int seed)
    {
        var random = new Random(seed);
        const string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        return string.Join(' ', Enumerable.Range(0, 120).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 8)).Select(_ => letters[random.Next(letters.Length)])])));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Search.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Search.sln not found above the test assembly");
    }
}
