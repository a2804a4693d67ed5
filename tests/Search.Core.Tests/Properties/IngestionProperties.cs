using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Properties;

/// <summary>
/// Whatever a record holds, reading it gives an article or a reported problem: only
/// <see cref="ArticleValidationException"/> ever leaves validation, and nothing leaves a reader.
/// </summary>
[Properties(Arbitrary = [typeof(HostileInput)], MaxTest = 1000)]
public sealed class IngestionProperties
{
    /// <summary>Where the indexing property writes; nothing reads it.</summary>
    private static readonly Lazy<NewsIndex> Sink = new(() => NewsIndex.InMemory());

    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(3), TimeSpan.FromHours(-14), TimeSpan.FromHours(14), TimeSpan.FromMinutes(345)];

    [Property]
    public void The_date_parser_takes_any_text_and_gives_only_plausible_dates(HostileDate date)
    {
        foreach (var offset in Offsets)
        {
            if (ArabicDateParser.TryParse(date.Value, offset, out var value))
            {
                Assert.InRange(value.Year, 1900, 2200);
                Assert.Equal(offset, value.Offset);
            }
        }
    }

    [Property]
    public void A_draft_with_any_date_validates_or_says_why(HostileDate date) =>
        ValidatesOrSaysWhy(new ArticleDraft { Id = "a", Title = "عنوان", PublishedAt = date.Value });

    [Property]
    public void A_draft_with_any_text_in_every_field_validates_or_says_why(HostileText id, HostileText title, HostileText body, HostileText tag) =>
        ValidatesOrSaysWhy(new ArticleDraft
        {
            Id = id.Value,
            Title = title.Value,
            Body = body.Value,
            Lead = tag.Value,
            Url = body.Value,
            Source = tag.Value,
            Section = title.Value,
            Author = id.Value,
            Tags = [tag.Value, body.Value],
            PublishedAt = tag.Value,
        });

    [Property]
    public void Any_JSON_line_gives_an_article_or_a_problem(HostileJsonLine line)
    {
        var result = JsonLinesArticleReader.ParseLine(line.Value, "x.jsonl", 7);

        Assert.True(result.Article is null != result.Problem is null);
        Assert.True(result.Problem is null or { Line: 7 });
    }

    [Property(MaxTest = 500)]
    public void Any_bytes_read_as_JSON_Lines_give_articles_and_problems_never_an_exception(byte[] bytes, NonNegativeInt newlines)
    {
        // Random bytes are almost never valid UTF-8; splice in valid lines and line breaks so every path is taken.
        var lines = Encoding.UTF8.GetBytes("{\"id\": \"a\", \"title\": \"عنوان\"}\n\n");
        var stream = new MemoryStream([.. bytes.Take(bytes.Length / 2), .. Enumerable.Repeat((byte)'\n', newlines.Get % 3), .. lines, .. bytes.Skip(bytes.Length / 2)]);

        var results = JsonLinesArticleReader.Read(stream, "x.jsonl").ToList();

        Assert.All(results, result => Assert.True(result.Article is null != result.Problem is null));
    }

    [Property(MaxTest = 300)]
    public void Every_article_that_validates_is_indexed(HostileText id, HostileText title, HostileText body, HostileText keyword)
    {
        var draft = new ArticleDraft
        {
            Id = "p-" + id.Value,
            Title = "t" + title.Value,
            Body = body.Value,
            Source = keyword.Value,
            Section = title.Value,
            Tags = [keyword.Value, id.Value],
        };
        NewsArticle article;
        try
        {
            article = draft.Validate();
        }
        catch (ArticleValidationException)
        {
            return;
        }

        Sink.Value.Upsert(article);
    }

    private static void ValidatesOrSaysWhy(ArticleDraft draft)
    {
        try
        {
            var article = draft.Validate();
            Assert.False(string.IsNullOrWhiteSpace(article.Id));
            Assert.False(string.IsNullOrWhiteSpace(article.Title));
        }
        catch (ArticleValidationException error)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }
}
