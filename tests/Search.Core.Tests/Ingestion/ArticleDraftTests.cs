using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class ArticleDraftTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("\u0001 javascript:alert(1)")]
    [InlineData("\r\nJAVA\nSCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public void A_url_that_would_run_as_a_link_is_refused_naming_the_field(string url)
    {
        var draft = new ArticleDraft { Id = "a", Title = "عنوان", Url = url };

        var error = Assert.Throws<ArticleValidationException>(draft.Validate);

        Assert.Equal("url", error.Field);
    }

    [Theory]
    [InlineData("https://example.com/news/1")]
    [InlineData("HTTP://example.com/news/1")]
    [InlineData("/news/1?at=10:30")]
    [InlineData("news/1#part:2")]
    [InlineData("ht\ttps://example.com/news/1")] // a browser reads it as https
    public void Web_and_relative_urls_are_kept(string url)
    {
        Assert.Equal(url, new ArticleDraft { Id = "a", Title = "عنوان", Url = url }.Validate().Url);
    }

    [Theory]
    [InlineData("1/5/2024", "2024-05-01T00:00:00+00:00")] // day first, as Arabic news writes it
    [InlineData("22/11/2024", "2024-11-22T00:00:00+00:00")]
    [InlineData("22.11.2024 10:30", "2024-11-22T10:30:00+00:00")]
    [InlineData("11/22/2024", "2024-11-22T00:00:00+00:00")] // month first only when day first cannot be
    [InlineData("2024-11-22T10:30:00+03:00", "2024-11-22T10:30:00+03:00")]
    [InlineData("Fri, 22 Nov 2024 10:30:00 +0300", "2024-11-22T10:30:00+03:00")]
    public void Numeric_dates_are_read_day_first_and_others_as_before(string text, string expected)
    {
        var article = new ArticleDraft { Id = "a", Title = "عنوان", PublishedAt = text }.Validate();

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.PublishedAt);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, article.PublishedAt!.Value.Offset);
    }

    [Theory]
    [InlineData("1.5")] // read as 5 January of the current year before: the newest story
    [InlineData("11/22")]
    [InlineData("31/31/2024")]
    [InlineData("30/2/2024")]
    public void A_date_without_a_year_or_that_no_calendar_has_is_unparseable(string text)
    {
        var error = Assert.Throws<ArticleValidationException>(() => new ArticleDraft { Id = "a", Title = "عنوان", PublishedAt = text }.Validate());

        Assert.Equal("publishedAt", error.Field);
        Assert.StartsWith("unparseable date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", "D800 0020 0639")]
    [InlineData("body", "0639 DC00")]
    [InlineData("tags", "DE00 D83D")] // a pair in the wrong order is two lone surrogates
    [InlineData("url", "0068 D83D")]
    public void A_field_holding_a_lone_surrogate_is_refused_naming_the_field(string field, string units)
    {
        var text = CodeUnits.Parse(units);
        var draft = new ArticleDraft
        {
            Id = "a",
            Title = field == "title" ? text : "عنوان",
            Body = field == "body" ? text : null,
            Url = field == "url" ? text : null,
            Tags = field == "tags" ? [text] : [],
        };

        var error = Assert.Throws<ArticleValidationException>(() => draft.Validate());

        Assert.Contains($"field '{field}' is not valid Unicode text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_other_than_tabs_and_line_breaks_are_dropped_from_the_text()
    {
        var article = new ArticleDraft
        {
            Id = "a",
            Title = "افتتاح\u0000 متحف\u001B",
            Lead = "\u0007",
            Body = "سطر أول\n\tسطر\u0085 ثان\r\n",
            Tags = ["فن\u007F"],
        }.Validate();

        Assert.Equal("افتتاح متحف", article.Title);
        Assert.Null(article.Lead);
        Assert.Equal("سطر أول\n\tسطر ثان", article.Body);
        Assert.Equal(["فن"], article.Tags);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u0085b")]
    public void An_id_holding_a_control_character_is_refused_not_stripped(string id)
    {
        // Stripped, a\0b would become ab and replace another article.
        var error = Assert.Throws<ArticleValidationException>(() => new ArticleDraft { Id = id, Title = "عنوان" }.Validate());

        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Surrogate_pairs_noncharacters_and_presentation_forms_are_kept_as_written()
    {
        var title = "\uD83D\uDCF0 \uFEFB\uFFFE\uFFFF \uFDFA";

        var article = new ArticleDraft { Id = "a", Title = title }.Validate();

        Assert.Equal(title, article.Title);
    }

    [Fact]
    public void A_date_mixing_a_ligature_with_a_noncharacter_is_unparseable_not_a_crash()
    {
        var draft = new ArticleDraft { Id = "a", Title = "عنوان", PublishedAt = "\uFEFB\uFFFE 2024" };

        var error = Assert.Throws<ArticleValidationException>(() => draft.Validate());

        Assert.StartsWith("unparseable date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("section")]
    [InlineData("tags")]
    public void An_over_long_keyword_is_refused_rather_than_failing_the_index_writer(string field)
    {
        // 20,000 Arabic letters are 40,000 bytes of UTF-8, beyond the 32,766 Lucene allows a doc-values term.
        var huge = new string('س', 20_000);
        var draft = new ArticleDraft
        {
            Id = "a",
            Title = "عنوان",
            Source = field == "source" ? huge : null,
            Section = field == "section" ? huge : null,
            Tags = field == "tags" ? ["وسم", huge] : [],
        };

        var error = Assert.Throws<ArticleValidationException>(() => draft.Validate());

        Assert.Equal($"'{field}' must be at most 512 characters; one has 20000", error.Message);
    }

    [Fact]
    public void An_over_long_title_is_refused_and_the_longest_allowed_is_kept_whole()
    {
        var longest = new string('س', ArticleDraft.MaxTitleLength);

        var error = Assert.Throws<ArticleValidationException>(() => new ArticleDraft { Id = "a", Title = longest + "س" }.Validate());

        Assert.Equal("title", error.Field);
        Assert.Equal("'title' must be at most 1,000 characters; it has 1,001", error.Message);
        Assert.Equal(longest, new ArticleDraft { Id = "a", Title = longest }.Validate().Title);
    }

    [Fact]
    public void More_tags_than_the_cap_are_refused_and_repeats_count_once()
    {
        var most = Enumerable.Range(0, ArticleDraft.MaxTags).Select(i => $"وسم{i}").ToList();

        var error = Assert.Throws<ArticleValidationException>(() => new ArticleDraft { Id = "a", Title = "عنوان", Tags = [.. most, "وسم آخر"] }.Validate());

        Assert.Equal("tags", error.Field);
        Assert.Equal("'tags' must hold at most 100 tags; it has 101", error.Message);
        Assert.Equal(most, new ArticleDraft { Id = "a", Title = "عنوان", Tags = [.. most, .. most] }.Validate().Tags);
    }

    [Fact]
    public void Every_valid_article_can_be_indexed()
    {
        using var index = NewsIndex.InMemory();
        var longest = new string('\uFFFF', ArticleDraft.MaxKeywordLength);
        var article = new ArticleDraft { Id = new string('\uFFFF', ArticleDraft.MaxIdLength), Title = "عنوان", Source = longest, Section = longest, Tags = [longest] }.Validate();

        index.WaitFor(index.Upsert(article));

        Assert.Equal(1, index.Count);
    }
}
