using System.Text;
using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class HtmlAndFeedTests
{
    [Fact]
    public void Html_page_gives_metadata_from_open_graph_tags()
    {
        var result = HtmlArticleParser.ParseFile(TestCorpus.IndexData("html", "article-01.html"));

        Assert.Null(result.Problem);
        var article = Assert.IsType<NewsArticle>(result.Article);
        Assert.Equal("مهرجان الإسكندرية للفيلم القصير يفتتح دورته بمشاركة 60 فيلما من 25 دولة", article.Title);
        Assert.Equal(new DateTimeOffset(2025, 9, 21, 19, 30, 0, TimeSpan.FromHours(3)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(3), article.PublishedAt!.Value.Offset);
        Assert.Equal("ثقافة", article.Section);
        Assert.Equal("المنارة نت", article.Source);
        Assert.Equal("https://example.com/almanara/culture/2025/09/alexandria-short-film-festival", article.Id);
        Assert.Equal(article.Id, article.Url);
        Assert.Equal("ياسمين الشاذلي", article.Author);
        Assert.Contains("السينما", article.Tags);
        Assert.Contains("مهرجان الإسكندرية", article.Tags);
    }

    [Fact]
    public void Html_body_keeps_the_article_paragraphs_and_drops_navigation_ads_and_footer()
    {
        var article = HtmlArticleParser.ParseFile(TestCorpus.IndexData("html", "article-01.html")).Article;

        Assert.NotNull(article?.Body);
        Assert.StartsWith("انطلقت مساء اليوم الأحد في مدينة الإسكندرية", article.Body, StringComparison.Ordinal);
        Assert.Contains("وتختتم الفعاليات يوم الجمعة المقبل", article.Body, StringComparison.Ordinal);
        foreach (var chrome in new[] { "القائمة الرئيسية", "الرئيسية", "عاجل", "مصرف المتوسط", "افتح حسابك", "اقرأ أيضا", "جميع الحقوق محفوظة", "سياسة الخصوصية", "تابعونا", "جانب من حفل الافتتاح", "<" })
        {
            Assert.DoesNotContain(chrome, article.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_page_whose_own_address_could_run_as_a_link_is_named_by_its_file_and_has_no_url()
    {
        var result = HtmlArticleParser.Parse("<html><head><link rel=\"canonical\" href=\"javascript:alert(1)\"></head><body><h1>عنوان الخبر</h1><p>نص</p></body></html>", "page-7.html");

        Assert.Equal("page-7", result.Article?.Id);
        Assert.Null(result.Article?.Url);
    }

    [Fact]
    public void Html_page_without_a_title_is_a_problem()
    {
        var result = HtmlArticleParser.Parse("<html><body><p>نص بلا عنوان</p></body></html>", "untitled.html");

        Assert.Null(result.Article);
        Assert.Equal("untitled.html", result.Problem?.File);
        Assert.Contains("title", result.Problem?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><title>الأخبار</title></head><body><nav><a href=\"/\">الرئيسية</a></nav><script>draw()</script></body></html>")]
    [InlineData("<html><head><title>الأخبار</title></head><body></body></html>")]
    public void Html_page_with_a_title_and_no_text_is_a_problem_not_an_empty_article(string html)
    {
        var result = HtmlArticleParser.Parse(html, "front.html");

        Assert.Null(result.Article);
        Assert.Equal("front.html", result.Problem?.File);
        Assert.Contains("no article text", result.Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_page_with_only_a_description_keeps_it_as_the_lead()
    {
        var result = HtmlArticleParser.Parse("<html><head><title>الأخبار</title><meta name=\"description\" content=\"ملخص الخبر\"></head><body></body></html>", "summary.html");

        Assert.Null(result.Problem);
        Assert.Equal("ملخص الخبر", result.Article?.Lead);
        Assert.Null(result.Article?.Body);
    }

    [Fact]
    public void Feed_gives_its_four_items_with_plain_text_bodies_from_content_encoded()
    {
        var results = FeedArticleReader.ReadFile(TestCorpus.IndexData("feeds", "sample-feed.xml")).ToList();

        Assert.Equal(4, results.Count);
        Assert.All(results, result => Assert.Null(result.Problem));
        var articles = results.Select(result => result.Article!).ToList();
        var first = articles[0];
        Assert.Equal("https://example.com/ofuq/2024/11/05/jordan-lebanon-committee", first.Id);
        Assert.Equal("الأردن ولبنان يتفقان على تفعيل اللجنة العليا المشتركة وتوسيع التبادل التجاري", first.Title);
        Assert.Equal("شبكة الأفق الإخبارية", first.Source);
        Assert.Equal("سياسة", first.Section);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 15, 0, TimeSpan.FromHours(2)), first.PublishedAt);
        Assert.StartsWith("اتفق الأردن ولبنان", first.Lead, StringComparison.Ordinal);

        // The body is the full text of content:encoded, not the short description.
        Assert.Equal(3, first.Body!.Split('\n').Length);
        Assert.StartsWith("اتفق وزير الخارجية الأردني ونظيره اللبناني", first.Body, StringComparison.Ordinal);
        Assert.All(articles, article =>
        {
            Assert.False(string.IsNullOrWhiteSpace(article.Body));
            Assert.DoesNotContain("<", article.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("CDATA", article.Body, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>خبر</title><item><title>عنوان")]
    [InlineData("not xml at all")]
    [InlineData("<?xml version=\"1.0\"?><html><body/></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")]
    public void A_malformed_feed_gives_one_problem_not_an_exception(string xml)
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.xml");
        File.WriteAllText(path, xml);

        var results = FeedArticleReader.ReadFile(path).ToList();

        var result = Assert.Single(results);
        Assert.Null(result.Article);
        Assert.Equal(path, result.Problem?.File);
        Assert.NotEqual(0, result.Problem?.Line);
    }

    [Fact]
    public void Feed_item_without_title_is_reported_and_the_others_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><link>https://example.com/1</link><description>بلا عنوان</description></item>
            <item><title>خبر ثان</title><link>https://example.com/2</link><description>وصف</description></item>
            </channel></rss>
            """);

        var results = FeedArticleReader.ReadFile(path).ToList();

        Assert.Equal(2, results.Count);
        Assert.Contains("item 1", results[0].Problem?.Message, StringComparison.Ordinal);
        Assert.Equal("https://example.com/2", results[1].Article?.Id);
        Assert.Equal("وصف", results[1].Article?.Lead);
    }

    [Fact]
    public void Feed_item_without_a_link_keeps_its_description_as_lead_beside_content_encoded()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><title>خبر</title><guid isPermaLink="false">id-1</guid><description>الملخص</description><content:encoded><![CDATA[<p>النص الكامل</p>]]></content:encoded></item>
            <item><title>خبر ثان</title><guid isPermaLink="false">id-2</guid><description>الوصف وحده</description></item>
            </channel></rss>
            """);

        var articles = FeedArticleReader.ReadFile(path).Select(result => result.Article).ToList();

        Assert.Equal("الملخص", articles[0]?.Lead);
        Assert.Equal("النص الكامل", articles[0]?.Body);
        Assert.Equal("الوصف وحده", articles[1]?.Body); // as before: with nothing else, the description is the text
    }

    [Fact]
    public void Feed_dates_outside_the_standard_are_read_or_left_out_without_losing_the_feed()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><title>خبر</title><link>https://example.com/1</link><pubDate>2024-11-05 08:15:00</pubDate></item>
            <item><title>خبر ثان</title><link>https://example.com/2</link><pubDate>22 نوفمبر 2024</pubDate></item>
            <item><title>خبر ثالث</title><link>https://example.com/3</link><pubDate>قبل ساعة</pubDate></item>
            <item><title>خبر رابع</title><link>https://example.com/4</link><pubDate>Tue, 05 Nov 24 08:15:00 GMT</pubDate></item>
            </channel></rss>
            """);

        var articles = FeedArticleReader.ReadFile(path).Select(result => result.Article).ToList();

        Assert.Equal(4, articles.Count);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 15, 0, TimeSpan.Zero), articles[3]?.PublishedAt); // RFC 822's two-digit year
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 8, 15, 0, TimeSpan.Zero), articles[0]?.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 0, 0, 0, TimeSpan.Zero), articles[1]?.PublishedAt);
        Assert.Equal("خبر ثالث", articles[2]?.Title);
        Assert.Null(articles[2]?.PublishedAt);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("5/11")]
    [InlineData("Nov 5")]
    [InlineData("08:15")]
    public void A_feed_date_without_a_year_is_left_out_not_given_the_current_one(string pubDate)
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><title>خبر</title><link>https://example.com/1</link><pubDate>{pubDate}</pubDate></item>
            </channel></rss>
            """);

        var result = Assert.Single(FeedArticleReader.ReadFile(path));

        Assert.Equal("خبر", result.Article?.Title);
        Assert.Null(result.Article?.PublishedAt);
    }

    [Theory]
    [InlineData("windows-1256", 1256)]
    [InlineData("ISO-8859-6", 28596)]
    public void A_feed_in_an_arabic_code_page_is_read_in_the_encoding_it_declares(string name, int codePage)
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.xml");
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        File.WriteAllBytes(path, encoding.GetBytes($"""
            <?xml version="1.0" encoding="{name}"?>
            <rss version="2.0"><channel><title>الأفق</title><link>https://example.com/</link><description>آخر الأخبار</description>
            <item><title>افتتاح محطة القطار</title><link>https://example.com/1</link><description>ملخص الخبر</description></item>
            </channel></rss>
            """));

        var result = Assert.Single(FeedArticleReader.ReadFile(path));

        Assert.Null(result.Problem);
        Assert.Equal("افتتاح محطة القطار", result.Article?.Title);
        Assert.Equal("الأفق", result.Article?.Source);
        Assert.Equal("ملخص الخبر", result.Article?.Lead);
    }

    [Fact]
    public void A_feed_item_whose_link_is_not_a_uri_is_reported_at_its_line_and_the_others_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>https://example.com/</link><description>d</description>
            <item><title>خبر أول</title><link>https://example.com/1</link></item>
            <item><title>خبر ثان</title><guid isPermaLink="false">id-2</guid>
            <link>http://[::1</link></item>
            <item><title>خبر ثالث</title><link>https://example.com/3</link></item>
            </channel></rss>
            """);

        var results = FeedArticleReader.ReadFile(path).ToList();

        Assert.Equal(3, results.Count);
        Assert.Equal("https://example.com/1", results[0].Article?.Url);
        Assert.Null(results[1].Article);
        Assert.Equal(new IngestProblem(path, 4, "item 2: link 'http://[::1' is not a valid URI"), results[1].Problem);
        Assert.Equal("https://example.com/3", results[2].Article?.Url);
    }

    [Fact]
    public void A_feed_item_that_cannot_be_read_at_all_is_reported_at_its_line_and_the_others_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.rss");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>موقع</title><link>http://[::1</link><description>d</description>
            <item><title>خبر أول</title><link>https://example.com/1</link><enclosure url="https://example.com/1.mp3" length="كبير" type="audio/mpeg"/></item>
            <item><title>خبر ثان</title><link>https://example.com/2</link><enclosure url="http://[::1" length="1" type="audio/mpeg"/></item>
            </channel></rss>
            """);

        var results = FeedArticleReader.ReadFile(path).ToList();

        Assert.Equal(2, results.Count);
        Assert.Null(results[0].Article);
        Assert.Equal(3, results[0].Problem?.Line);
        Assert.StartsWith("item 1: not a readable item: ", results[0].Problem?.Message, StringComparison.Ordinal);

        // An address the article does not use is left out without a word, the channel's own included.
        Assert.Equal("https://example.com/2", results[1].Article?.Url);
        Assert.Equal("موقع", results[1].Article?.Source);
    }

    [Fact]
    public void An_atom_entry_whose_link_is_not_a_uri_is_reported_at_its_line_and_the_others_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("feed.atom");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title><id>urn:feed</id><updated>2024-11-05T08:15:00Z</updated>
            <entry><id>urn:1</id><title>خبر أول</title><link href="http://[::1"/><updated>2024-11-05T08:15:00Z</updated></entry>
            <entry><id>urn:2</id><title>خبر ثان</title><link href="https://example.com/2"/><updated>2024-11-05T08:15:00Z</updated></entry>
            </feed>
            """);

        var results = FeedArticleReader.ReadFile(path).ToList();

        Assert.Equal(2, results.Count);
        Assert.Equal(new IngestProblem(path, 3, "item 1: link 'http://[::1' is not a valid URI"), results[0].Problem);
        Assert.Equal("urn:2", results[1].Article?.Id);
        Assert.Equal("https://example.com/2", results[1].Article?.Url);
    }
}
