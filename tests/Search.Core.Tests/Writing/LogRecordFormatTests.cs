using System.Buffers;
using System.Text;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

public sealed class LogRecordFormatTests
{
    [Fact]
    public void An_article_record_reads_back_whole_and_holds_arabic_as_utf8_not_escapes()
    {
        var article = TestCorpus.Article(
            "log-1",
            "وزير الاتصالات يفتتح معرض التقنية",
            body: "افتتح الوزير المعرض بحضور عدد من الشركات.\nويستمر المعرض ثلاثة أيام.",
            lead: "بدأت اليوم فعاليات المعرض.",
            section: "تكنولوجيا",
            source: "وكالة الأنباء",
            publishedAt: new DateTimeOffset(2025, 3, 1, 10, 30, 0, TimeSpan.FromHours(3)),
            "تقنية",
            "اتصالات");
        var buffer = new ArrayBufferWriter<byte>();

        LogRecordFormat.Write(buffer, 42, ArticleChange.Upsert(article));
        var size = LogRecordFormat.TryRead(buffer.WrittenSpan, out var read);

        Assert.Equal(buffer.WrittenCount, size);
        Assert.Equal(42, read.Sequence);
        Assert.Equal(ChangeKind.Upsert, read.Change.Kind);
        Assert.Equal(article with { Tags = [] }, read.Change.Article! with { Tags = [] });
        Assert.Equal(article.Tags, read.Change.Article!.Tags);

        // Escaped (\u0648…) the text took six bytes a letter; as UTF-8 it takes two.
        var text = Encoding.UTF8.GetByteCount(article.Title + article.Body + article.Lead + article.Section + article.Source + string.Concat(article.Tags));
        Assert.InRange(size, text, text + 300);
    }

    [Fact]
    public void A_delete_record_reads_back_and_a_torn_record_reads_as_nothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LogRecordFormat.Write(buffer, 7, ArticleChange.Delete("خبر-قديم"));

        Assert.Equal(buffer.WrittenCount, LogRecordFormat.TryRead(buffer.WrittenSpan, out var read));
        Assert.Equal(new LoggedChange(7, ArticleChange.Delete("خبر-قديم")), read);
        Assert.Equal(0, LogRecordFormat.TryRead(buffer.WrittenSpan[..^1], out _));
    }
}
