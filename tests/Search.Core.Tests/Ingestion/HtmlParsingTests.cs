using System.Text;
using Search.Core.Feeds;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class HtmlParsingTests
{
    private const string Text = "نص الخبر في أعمق موضع من الصفحة";

    [Fact]
    public void Elements_nested_to_the_bound_are_read_with_their_text()
    {
        // html, body and article are three of the levels.
        using var document = HtmlParsing.Parse(Nested(HtmlParsing.MaxDepth - 3, "div"));

        var paragraph = document.QuerySelector("p");
        Assert.Equal(Text, paragraph?.TextContent);
        Assert.Equal(HtmlParsing.MaxDepth, Ancestors(paragraph!));
    }

    [Theory]
    [InlineData("div", HtmlParsing.MaxDepth)]
    [InlineData("div", 50_000)]
    [InlineData("b", 50_000)]
    [InlineData("ul", 5_000)]
    public void A_page_nested_past_the_bound_is_refused(string tag, int depth)
    {
        var error = Assert.Throws<InvalidDataException>(() => HtmlParsing.Parse(Nested(depth, tag)));

        Assert.Equal($"The HTML nests its elements more than {HtmlParsing.MaxDepth} deep.", error.Message);
    }

    [Fact]
    public void A_page_of_more_elements_than_the_bound_is_refused_and_one_within_it_is_read()
    {
        var within = Page(string.Concat(Enumerable.Repeat("<span>كلمة</span>", HtmlParsing.MaxElements - 100)));
        var past = Page(string.Concat(Enumerable.Repeat("<p>كلمة</p>", HtmlParsing.MaxElements)));

        using var document = HtmlParsing.Parse(within);
        var error = Assert.Throws<InvalidDataException>(() => HtmlParsing.Parse(past));

        Assert.Equal(HtmlParsing.MaxElements - 100, document.QuerySelectorAll("span").Length);
        Assert.Equal($"The HTML holds more than {HtmlParsing.MaxElements:N0} elements.", error.Message);
    }

    [Fact]
    public void Bytes_are_read_in_the_named_encoding_else_in_the_one_the_page_declares()
    {
        var windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;
        var declared = windows1256.GetBytes(Page($"<p>{Text}</p>").Replace("<head>", "<head><meta charset=\"windows-1256\">", StringComparison.Ordinal));
        var undeclared = windows1256.GetBytes(Page($"<p>{Text}</p>"));

        using var byMetaTag = HtmlParsing.Parse(declared, null);
        using var byServer = HtmlParsing.Parse(undeclared, windows1256);

        Assert.Equal(Text, byMetaTag.QuerySelector("p")?.TextContent);
        Assert.Equal(Text, byServer.QuerySelector("p")?.TextContent);
    }

    [Fact]
    public void A_saved_page_nested_past_the_bound_is_a_problem_named_by_its_file()
    {
        var result = HtmlArticleParser.Parse(Nested(50_000, "div"), "deep.html");

        Assert.Null(result.Article);
        Assert.Equal("deep.html", result.Problem?.File);
        Assert.Equal($"The HTML nests its elements more than {HtmlParsing.MaxDepth} deep.", result.Problem?.Message);
    }

    [Fact]
    public void A_feed_item_whose_html_nests_past_the_bound_is_reported_and_the_others_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        var deep = System.Security.SecurityElement.Escape(string.Concat(Enumerable.Repeat("<div>", 50_000)) + "نص");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><title>خبر عميق</title><link>https://example.com/1</link><description>{deep}</description></item>
            <item><title>خبر ثان</title><link>https://example.com/2</link><description>وصف</description></item>
            </channel></rss>
            """);

        var results = FeedArticleReader.ReadFile(path).ToList();

        Assert.Equal(2, results.Count);
        Assert.Equal($"item 1: The HTML nests its elements more than {HtmlParsing.MaxDepth} deep.", results[0].Problem?.Message);
        Assert.Equal("وصف", results[1].Article?.Lead);
    }

    [Fact]
    public void A_linked_page_nested_past_the_bound_is_refused_before_its_main_text_is_sought()
    {
        var page = Encoding.UTF8.GetBytes(Nested(50_000, "div"));

        var error = Assert.Throws<InvalidDataException>(() => ArticlePageExtractor.MainText(new Uri("https://news.example/deep"), page));

        Assert.Contains($"more than {HtmlParsing.MaxDepth} deep", error.Message, StringComparison.Ordinal);
    }

    private static string Nested(int depth, string tag) =>
        Page(string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + $"<p>{Text}</p>");

    private static string Page(string article) =>
        $"<!DOCTYPE html><html lang=\"ar\"><head><title>صفحة</title></head><body><article>{article}</article></body></html>";

    private static int Ancestors(AngleSharp.Dom.IElement element)
    {
        var count = 0;
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            count++;
        }

        return count;
    }
}
