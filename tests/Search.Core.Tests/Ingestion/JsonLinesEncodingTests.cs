using System.IO.Compression;
using System.Text;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

/// <summary>JSON Lines are UTF-8: a line in any other encoding is reported and skipped, never indexed as U+FFFD.</summary>
public sealed class JsonLinesEncodingTests
{
    private const string Line = """{"id": "enc-1", "title": "وزير الاتصالات يفتتح معرضا", "body": "نص الخبر"}""";

    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    private static List<IngestResult> Read(params byte[][] lines) =>
        [.. JsonLinesArticleReader.Read(new MemoryStream([.. lines.SelectMany(line => line.Append((byte)'\n'))]), "x.jsonl")];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_Windows_1256_line_is_reported_with_the_command_that_converts_it_and_the_other_lines_still_parse()
    {
        var results = Read(Utf8(Line), Windows1256.GetBytes(Line.Replace("enc-1", "enc-2", StringComparison.Ordinal)), Utf8(Line.Replace("enc-1", "enc-3", StringComparison.Ordinal)));

        Assert.Equal("enc-1", results[0].Article?.Id);
        Assert.Null(results[1].Article);
        Assert.Equal(2, results[1].Problem?.Line);
        Assert.Equal("not valid UTF-8 (the file looks like Windows-1256; convert it with iconv -f cp1256 -t utf-8)", results[1].Problem?.Message);
        Assert.Equal("enc-3", results[2].Article?.Id);
    }

    [Fact]
    public void A_Latin_1_byte_is_reported_with_its_position()
    {
        var results = Read([.. Utf8("{\"id\": \"caf"), 0xE9, .. Utf8("\", \"title\": \"x\"}")]);

        var problem = Assert.Single(results).Problem;
        Assert.Equal("not valid UTF-8 (byte 0xE9 at byte 12 of the line; convert the file to UTF-8)", problem?.Message);
    }

    [Theory]
    [InlineData("ED A0 80")] // a surrogate encoded in UTF-8 (CESU-8)
    [InlineData("C0 AF")] // an overlong slash
    [InlineData("E2 82")] // a sequence cut short at the end of the line
    [InlineData("F4 90 80 80")] // beyond U+10FFFF
    public void Malformed_UTF_8_inside_a_string_is_reported_not_replaced(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        var results = Read([.. Utf8("""{"id": "a", "title": "عنوان """), .. bytes, .. Utf8("\"}")]);

        Assert.StartsWith("not valid UTF-8", Assert.Single(results).Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_any_article_is_passed_over_unbuffered_and_the_next_line_still_parses()
    {
        // 100 MB of one line, made as it is read: without the cap the reader's buffer doubled to hold all of it.
        using var stream = new LongLineStream(100 * 1024 * 1024, Utf8("\n" + Line + "\n"));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var results = JsonLinesArticleReader.Read(stream, "x.jsonl").ToList();

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 3L * Utf8LineReader.MaxLineBytes, "the long line was buffered");
        Assert.Equal("the line is longer than 16 MB (no article is that long); skipped", results[0].Problem?.Message);
        Assert.Equal(1, results[0].Problem?.Line);
        Assert.Equal("enc-1", results[1].Article?.Id);
    }

    /// <summary>A line of <paramref name="length"/> letters with no line break, then <paramref name="tail"/>.</summary>
    private sealed class LongLineStream(long length, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < length ? (byte)'x' : tail[_position - length];
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_replacement_character_written_as_valid_UTF_8_is_text_like_any_other()
    {
        var article = Assert.Single(Read(Utf8(Line.Replace("نص الخبر", "نص \uFFFD الخبر", StringComparison.Ordinal)))).Article;

        Assert.Equal("نص \uFFFD الخبر", article?.Body);
    }

    [Fact]
    public void A_UTF_16_file_is_one_problem_on_its_first_line()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Line + "\n" + Line + "\n")).ToArray();

        var results = JsonLinesArticleReader.Read(new MemoryStream(bytes), "x.jsonl").ToList();

        var problem = Assert.Single(results).Problem;
        Assert.Equal(1, problem?.Line);
        Assert.Equal("not valid UTF-8 (the file is UTF-16; convert it with iconv -f utf-16 -t utf-8)", problem?.Message);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void A_UTF_16_file_without_a_byte_order_mark_is_one_problem_naming_its_byte_order(bool bigEndian, string name)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        var bytes = encoding.GetBytes(Line + "\n" + Line + "\n");

        var results = JsonLinesArticleReader.Read(new MemoryStream(bytes), "x.jsonl").ToList();

        var problem = Assert.Single(results).Problem;
        Assert.Equal(1, problem?.Line);
        Assert.Equal($"not valid UTF-8 (the file looks like UTF-16 without a byte order mark; convert it with iconv -f {name} -t utf-8)", problem?.Message);
    }

    [Fact]
    public void A_gzipped_Windows_1256_file_reports_each_line_and_no_spurious_truncation()
    {
        using var temp = new TempDirectory();
        var path = temp.File("arabic.jsonl.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            gzip.Write(Windows1256.GetBytes(Line + "\n" + Line.Replace("enc-1", "enc-2", StringComparison.Ordinal) + "\n"));
        }

        var results = JsonLinesArticleReader.ReadFile(path).ToList();

        Assert.Equal([1, 2], results.Select(result => result.Problem?.Line));
        Assert.All(results, result => Assert.Contains("Windows-1256", result.Problem?.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var body = string.Concat(Enumerable.Repeat("نص الخبر ", 20_000));

        var article = Assert.Single(Read(Utf8(Line.Replace("نص الخبر", body, StringComparison.Ordinal)))).Article;

        Assert.Equal(body.Trim(), article?.Body);
    }
}
