using System.Text;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

/// <summary>A saved page is decoded as a browser would (byte order mark, then its meta charset), and a page in no
/// encoding that fits is reported, never indexed as U+FFFD.</summary>
public sealed class HtmlPageEncodingTests
{
    private const string Title = "وزير الاتصالات يجتمع بنظيره";

    private const string Text = "استقبل وزير الاتصالات بمكتبه نظيره الفلسطيني، وبحثا سبل التعاون.";

    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    private static string Page(string head) => $"<html><head>{head}<title>{Title}</title></head><body><p>{Text}</p></body></html>";

    private static IngestResult ParseBytes(byte[] page)
    {
        using var temp = new TempDirectory();
        var path = temp.File("page.html");
        File.WriteAllBytes(path, page);
        return HtmlArticleParser.ParseFile(path);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1256\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">")]
    public void A_Windows_1256_page_is_read_in_the_charset_it_declares(string head)
    {
        var article = ParseBytes(Windows1256.GetBytes(Page(head))).Article;

        Assert.Equal(Title, article?.Title);
        Assert.Equal(Text, article?.Body);
    }

    [Fact]
    public void An_ISO_8859_6_page_is_read_in_the_charset_it_declares()
    {
        var iso88596 = CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-6")!;

        var article = ParseBytes(iso88596.GetBytes(Page("<meta charset=\"iso-8859-6\">"))).Article;

        Assert.Equal(Title, article?.Title);
    }

    [Fact]
    public void A_Windows_1256_page_that_declares_nothing_is_recognised_as_Windows_1256()
    {
        var article = ParseBytes(Windows1256.GetBytes(Page(""))).Article;

        Assert.Equal(Title, article?.Title);
        Assert.Equal(Text, article?.Body);
    }

    [Fact]
    public void A_Windows_1256_page_whose_meta_tag_says_UTF_8_is_read_as_Windows_1256_not_as_replacement_characters()
    {
        var article = ParseBytes(Windows1256.GetBytes(Page("<meta charset=\"utf-8\">"))).Article;

        Assert.Equal(Title, article?.Title);
        Assert.Equal(Text, article?.Body);
    }

    [Fact]
    public void A_UTF_8_page_whose_meta_tag_still_says_Windows_1256_is_read_as_UTF_8()
    {
        var article = ParseBytes(Encoding.UTF8.GetBytes(Page("<meta charset=\"windows-1256\">"))).Article;

        Assert.Equal(Title, article?.Title);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void A_byte_order_mark_outranks_the_meta_tag(string encoding)
    {
        var unicode = Encoding.GetEncoding(encoding);

        var article = ParseBytes([.. unicode.GetPreamble(), .. unicode.GetBytes(Page("<meta charset=\"windows-1256\">"))]).Article;

        Assert.Equal(Title, article?.Title);
    }

    [Fact]
    public void A_UTF_8_page_with_a_stray_byte_is_a_problem_naming_the_byte_not_misread_as_Windows_1256()
    {
        var page = Encoding.UTF8.GetBytes(Page(""));
        var stray = Array.IndexOf(page, (byte)'<', 10);
        page[stray] = 0xE9;

        var result = ParseBytes(page);

        Assert.Null(result.Article);
        Assert.Equal($"not valid UTF-8 (byte 0xE9 at byte {stray + 1} of the file; convert the file to UTF-8)", result.Problem?.Message);
    }

    [Fact]
    public void A_Latin_1_page_that_declares_nothing_is_a_problem_not_replacement_characters()
    {
        var result = ParseBytes(Encoding.Latin1.GetBytes("<html><head><title>Café crème</title></head><body><p>Déjà vu à Paris.</p></body></html>"));

        Assert.Null(result.Article);
        Assert.StartsWith("not valid UTF-8 (byte 0xE9 at byte ", result.Problem?.Message, StringComparison.Ordinal);
    }
}
