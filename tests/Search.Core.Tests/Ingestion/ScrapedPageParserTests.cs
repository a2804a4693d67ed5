using Search.Core.Documents;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class ScrapedPageParserTests
{
    private static readonly TimeSpan Cairo = TimeSpan.FromHours(2);

    private static NewsArticle ParseSeedPage()
    {
        Skip.IfNot(File.Exists(TestCorpus.SeedPage), TestCorpus.SeedPage + " is not on this machine");
        var result = ScrapedPageParser.ParseFile(TestCorpus.SeedPage, Cairo);
        Assert.Null(result.Problem);
        return Assert.IsType<NewsArticle>(result.Article);
    }

    [SkippableFact]
    public void Seed_page_gives_headline_date_section_and_site()
    {
        var article = ParseSeedPage();

        Assert.Equal("لبحث التعاون.. وزير الاتصالات يجتمع بنظيره الفلسطيني بالقرية الذكية", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 22, 37, 0, Cairo), article.PublishedAt);
        Assert.Equal("تكنولوجيا", article.Section);
        Assert.Equal("موقع السلطة", article.Source);
    }

    [SkippableFact]
    public void Seed_page_body_is_the_five_paragraphs_without_boilerplate()
    {
        var article = ParseSeedPage();

        var paragraphs = article.Body!.Split('\n');
        Assert.Equal(5, paragraphs.Length);
        Assert.StartsWith("استقبل الدكتور عمرو طلعت", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("هذا ويأتي اللقاء", paragraphs[4], StringComparison.Ordinal);
        foreach (var boilerplate in new[] { "CIB", "tech", "nbe", "البنك الأهلي", "رئيس التحرير", "•", "موقع السلطة", "اتحاد العالم الإسلامي", "\u00A0" })
        {
            Assert.DoesNotContain(boilerplate, article.Body, StringComparison.Ordinal);
        }

        Assert.All(paragraphs, paragraph => Assert.Equal(paragraph.Trim(), paragraph));
    }

    [SkippableFact]
    public void Seed_page_tags_are_regrouped_into_the_phrases_the_article_uses()
    {
        var article = ParseSeedPage();

        Assert.Equal(["وزير الاتصالات", "عمرو طلعت", "مصر", "فلسطين", "السُلطة"], article.Tags);
    }

    [SkippableFact]
    public void Parsing_the_same_page_twice_gives_the_same_id()
    {
        var first = ParseSeedPage();
        var second = ParseSeedPage();

        Assert.StartsWith("page-", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, second.Id);
    }

    [SkippableFact]
    public void Pages_with_another_headline_get_another_id()
    {
        Skip.IfNot(File.Exists(TestCorpus.SeedPage), TestCorpus.SeedPage + " is not on this machine");
        var text = File.ReadAllText(TestCorpus.SeedPage);
        var changed = text.Replace("بالقرية الذكية", "بالعاصمة الإدارية", StringComparison.Ordinal);

        var original = ScrapedPageParser.Parse(text, "a.txt", Cairo).Article;
        var other = ScrapedPageParser.Parse(changed, "b.txt", Cairo).Article;

        Assert.NotNull(original);
        Assert.NotNull(other);
        Assert.NotEqual(original.Id, other.Id);
    }

    [Theory]
    [InlineData("page-01.txt", 2024, 11, 5, 8, 15)]
    [InlineData("page-02.txt", 2025, 3, 12, 19, 45)]
    [InlineData("page-03.txt", 2025, 4, 20, 9, 20)]
    public void Project_pages_parse_with_their_printed_date(string file, int year, int month, int day, int hour, int minute)
    {
        var result = ScrapedPageParser.ParseFile(TestCorpus.IndexData("pages", file), Cairo);

        Assert.Null(result.Problem);
        var article = Assert.IsType<NewsArticle>(result.Article);
        Assert.False(string.IsNullOrWhiteSpace(article.Title));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, Cairo), article.PublishedAt);
        Assert.False(string.IsNullOrWhiteSpace(article.Body));
        Assert.DoesNotContain("رئيس التحرير", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("•", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Title, article.Body!.Split('\n'));
    }

    [Fact]
    public void A_page_without_a_date_is_reported_as_a_problem()
    {
        const string page = """
            موقع الخبر
            رئيس التحرير فلان الفلاني
            سياسة
            عنوان خبر بلا تاريخ منشور في الصفحة
            هذه فقرة طويلة بما يكفي لتعد فقرة من متن الخبر المنشور على الموقع من دون أي تاريخ مطبوع في رأس الصفحة.
            """;

        var result = ScrapedPageParser.Parse(page, "undated.txt", Cairo);

        Assert.Null(result.Article);
        Assert.Equal("undated.txt", result.Problem?.File);
        Assert.Contains("date", result.Problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_lost_its_site_line_has_no_source_rather_than_its_date_as_one()
    {
        const string page = """
            الجمعة، 22 نوفمبر 2024 10:37 م
            سياسة
            عنوان خبر فقد سطر الموقع من رأس الصفحة
            هذه فقرة طويلة بما يكفي لتعد فقرة من متن الخبر المنشور على الموقع بعد أن فقدت الصفحة سطر اسم الموقع.
            """;

        var result = ScrapedPageParser.Parse(page, "no-site.txt", Cairo);

        var article = Assert.IsType<NewsArticle>(result.Article);
        Assert.Null(article.Source);
        Assert.Equal("عنوان خبر فقد سطر الموقع من رأس الصفحة", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 11, 22, 22, 37, 0, Cairo), article.PublishedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("سطر واحد")]
    [InlineData("موقع الخبر\nالجمعة، 22 نوفمبر 2024 10:37 مـ\nعنوان بلا متن")]
    public void A_page_too_short_to_be_an_article_is_reported_as_a_problem(string page)
    {
        var result = ScrapedPageParser.Parse(page, "short.txt", Cairo);

        Assert.Null(result.Article);
        Assert.NotNull(result.Problem);
    }
}
