using System.IO.Compression;
using System.Text;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class JsonLinesArticleReaderTests
{
    private const string AntLine =
        """{"id": "BB-economy-7-20180301", "title": "ارتفاع أسعار النفط", "abstract": "ارتفعت أسعار النفط اليوم.", "body": "الفقرة الأولى.\nالفقرة الثانية.", "date": "2018-03-01T10:15:00+00:00", "source": "BBC", "category": "economy", "url": "https://example.com/a", "author": "مراسل الاقتصاد", "date_raw": "Thu, 01 Mar 2018 10:15:00 GMT"}""";

    private const string OwnLine =
        """{"id": "own-1", "title": "افتتاح معرض الكتاب", "lead": "افتتح المعرض أبوابه.", "body": "نص الخبر.", "publishedAt": "2025-03-14T09:30:00+03:00", "section": "ثقافة", "source": "الرصد", "tags": ["كتاب", "معرض"], "url": "https://example.org/b", "author": null}""";

    private static List<IngestResult> Read(string text) =>
        [.. JsonLinesArticleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.jsonl")];

    [Fact]
    public void Reader_maps_ANT_field_names()
    {
        var article = Assert.Single(Read(AntLine)).Article;

        Assert.NotNull(article);
        Assert.Equal("BB-economy-7-20180301", article.Id);
        Assert.Equal("ارتفاع أسعار النفط", article.Title);
        Assert.Equal("ارتفعت أسعار النفط اليوم.", article.Lead);
        Assert.Equal("الفقرة الأولى.\nالفقرة الثانية.", article.Body);
        Assert.Equal(new DateTimeOffset(2018, 3, 1, 10, 15, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("BBC", article.Source);
        Assert.Equal("economy", article.Section);
        Assert.Equal("https://example.com/a", article.Url);
        Assert.Equal("مراسل الاقتصاد", article.Author);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Reader_maps_the_services_own_field_names()
    {
        var article = Assert.Single(Read(OwnLine)).Article;

        Assert.NotNull(article);
        Assert.Equal("own-1", article.Id);
        Assert.Equal("افتتح المعرض أبوابه.", article.Lead);
        Assert.Equal("ثقافة", article.Section);
        Assert.Equal(["كتاب", "معرض"], article.Tags);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(3)), article.PublishedAt);
        Assert.Null(article.Author);
    }

    [Theory]
    [InlineData("""{"id": "a", "title": """, "invalid JSON")]
    [InlineData("""{"title": "بلا معرف"}""", "'id'")]
    [InlineData("""{"id": "a", "body": "بلا عنوان"}""", "'title'")]
    [InlineData("""{"id": "a", "title": "   "}""", "'title'")]
    [InlineData("""{"id": "a", "title": "عنوان", "date": "ليس تاريخا"}""", "date")]
    [InlineData("""{"id": "a", "title": "عنوان", "tags": [1, 2]}""", "tags")]
    [InlineData("""{"id": "a", "title": "عنوان", "tags": {"x": "y"}}""", "tags")]
    [InlineData("""{"id": {"nested": 1}, "title": "عنوان"}""", "'id'")]
    [InlineData("""["id", "title"]""", "object")]
    [InlineData("""{"id": "a", "title": "\ud800 عنوان"}""", "field 'title' is not valid Unicode text: it holds a lone surrogate")]
    [InlineData("""{"id": "a", "title": "عنوان", "body": "نص \udc00"}""", "field 'body' is not valid Unicode")]
    [InlineData("""{"id": "a", "title": "عنوان", "tags": ["\ud83d"]}""", "field 'tags' is not valid Unicode")]
    [InlineData("""{"id": "a", "title": "عنوان", "tags": "وسم،\ud83d"}""", "field 'tags' is not valid Unicode")]
    [InlineData("""{"id": "a", "title": "عنوان", "publishedAt": "\ufefb\ufffe 2024"}""", "unparseable date")]
    [InlineData("""{"id": "a", "title": "عنوان", "publishedAt": "\ud800 2024"}""", "field 'publishedAt' is not valid Unicode")]
    [InlineData("""{"id": "a", "title": "عنوان", "\ud800": "x"}""", "a property name holds a lone surrogate")]
    public void A_bad_line_is_reported_with_its_line_number_and_later_lines_still_parse(string badLine, string messagePart)
    {
        var text = string.Join("\n", OwnLine, badLine, AntLine);

        var results = Read(text);

        Assert.Equal(3, results.Count);
        Assert.Equal("own-1", results[0].Article?.Id);
        Assert.Null(results[1].Article);
        var problem = Assert.IsType<IngestProblem>(results[1].Problem);
        Assert.Equal("x.jsonl", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        Assert.Equal("BB-economy-7-20180301", results[2].Article?.Id);
    }

    [Fact]
    public void A_line_handed_over_with_a_raw_lone_surrogate_is_a_problem_not_an_exception()
    {
        var result = JsonLinesArticleReader.ParseLine("{\"id\": \"a\", \"title\": \"\uDA74\"}", "x.jsonl", 3);

        Assert.Equal("not valid Unicode text: the line holds a lone surrogate", result.Problem?.Message);
        Assert.Equal(3, result.Problem?.Line);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted_for_line_numbers()
    {
        // White space of every kind: tabs, a form feed, no-break and ideographic spaces, a line separator.
        var text = "\n" + OwnLine + "\n\n   \t\f\n\u00A0\u3000 \u2028\n{broken\r\n" + AntLine + "\n\n";

        var results = Read(text);

        Assert.Equal(3, results.Count);
        Assert.Equal("own-1", results[0].Article?.Id);
        Assert.Equal(6, results[1].Problem?.Line);
        Assert.Equal("BB-economy-7-20180301", results[2].Article?.Id);
    }

    [Fact]
    public void Reader_accepts_a_byte_order_mark_and_CRLF_line_ends()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OwnLine + "\r\n" + AntLine + "\r\n")).ToArray();

        var results = JsonLinesArticleReader.Read(new MemoryStream(bytes), "x.jsonl").ToList();

        Assert.Equal(["own-1", "BB-economy-7-20180301"], results.Select(result => result.Article?.Id));
    }

    [Fact]
    public void ReadFile_decompresses_jsonl_gz()
    {
        using var temp = new TempDirectory();
        var path = temp.File("articles.jsonl.gz");
        WriteGzip(path, OwnLine + "\n" + AntLine + "\n");

        var results = JsonLinesArticleReader.ReadFile(path).ToList();

        Assert.Equal(["own-1", "BB-economy-7-20180301"], results.Select(result => result.Article?.Id));
    }

    [Fact]
    public void A_gzip_truncated_mid_line_is_reported_as_a_problem_not_thrown()
    {
        using var temp = new TempDirectory();
        var whole = temp.File("whole.jsonl.gz");
        WriteGzip(whole, string.Join("\n", NumberedLines(400)) + "\n");
        var bytes = File.ReadAllBytes(whole);
        var truncated = temp.File("truncated.jsonl.gz");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var results = JsonLinesArticleReader.ReadFile(truncated).ToList();

        var problem = Assert.Single(results, result => result.Problem is { Line: not null }).Problem!;
        Assert.Equal(truncated, problem.File);
        Assert.Contains(results, result => result.Problem is { Line: null } trailer && trailer.Message.Contains("truncated", StringComparison.Ordinal));
        var articles = results.Where(result => result.Article is not null).ToList();
        Assert.InRange(articles.Count, 1, 399);
        Assert.Equal(articles.Count + 1, problem.Line);
        Assert.Equal(Enumerable.Range(1, articles.Count).Select(i => $"own-{i}"), articles.Select(result => result.Article!.Id));
    }

    [Fact]
    public void A_gzip_truncated_at_a_line_boundary_is_reported_as_a_problem()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cut.jsonl.gz");
        var cutAfterFiveLines = 0L;
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            var lines = NumberedLines(10).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes(lines[i] + "\n"));

                // A sync flush ends the compressed bytes of each line on a byte boundary, as a copy interrupted there would.
                gzip.Flush();
                if (i == 4)
                {
                    cutAfterFiveLines = file.Position;
                }
            }
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)cutAfterFiveLines]);

        var results = JsonLinesArticleReader.ReadFile(path).ToList();

        Assert.Equal(5, results.Count(result => result.Article is not null));
        Assert.Contains(results, result => result.Problem is not null);
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_whole_without_a_false_alarm_and_a_truncated_last_member_is_reported()
    {
        // cat a.gz b.gz, pigz and bgzip write several members; the trailer sizes only the last one.
        using var temp = new TempDirectory();
        var lines = NumberedLines(300).ToList();
        var members = temp.File("members.jsonl.gz");
        using (var file = File.Create(members))
        {
            foreach (var chunk in lines.Chunk(100))
            {
                using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", chunk) + "\n"));
            }
        }

        var results = JsonLinesArticleReader.ReadFile(members).ToList();

        Assert.Equal(300, results.Count(result => result.Article is not null));
        Assert.DoesNotContain(results, result => result.Problem is not null);

        // The same members with the last one cut short at a block boundary (a sync flush): still reported.
        var bytes = File.ReadAllBytes(members);
        var cut = temp.File("cut-members.jsonl.gz");
        using (var file = File.Create(cut))
        {
            file.Write(bytes);
            using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
            gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", NumberedLines(5)) + "\n"));
            gzip.Flush();
            var flushed = file.Position;
            gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", NumberedLines(5)) + "\n"));
            gzip.Dispose();
            file.SetLength(flushed);
        }

        Assert.Contains(JsonLinesArticleReader.ReadFile(cut), result => result.Problem is { Line: null } problem && problem.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gz_file_that_is_not_gzip_is_reported_as_such_once()
    {
        using var temp = new TempDirectory();
        var path = temp.File("plain.jsonl.gz");
        File.WriteAllText(path, OwnLine + "\n");

        var problem = Assert.Single(JsonLinesArticleReader.ReadFile(path)).Problem!;

        Assert.Null(problem.Line);
        Assert.StartsWith("not a gzip file", problem.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> NumberedLines(int count) =>
        Enumerable.Range(1, count).Select(i => OwnLine.Replace("own-1", $"own-{i}", StringComparison.Ordinal));

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var bytes = Encoding.UTF8.GetBytes(text);
        gzip.Write(bytes);
    }
}
