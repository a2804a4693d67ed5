using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Navigation;
using Search.Core.Querying;
using Search.Core.Searching;

namespace Search.Core.Tests.Searching;

/// <summary>
/// A hit without snippets is read from doc values; it must show exactly what the stored article holds, and fall back
/// to the stored article for one indexed before the listing value existed or whose title was cut for suggestions.
/// </summary>
public sealed class ListingReaderTests
{
    private static readonly DateTimeOffset Published = new(2026, 7, 14, 9, 30, 0, TimeSpan.FromHours(3));

    private static readonly NewsArticle Full = TestCorpus.Article(
        "full", "افتتاح محطة تحلية جديدة", "نص الخبر.", source: "وكالة الشمال", section: "اقتصاد", publishedAt: Published) with
    {
        Url = "https://news.example/محطة?id=1",
    };

    private static readonly NewsArticle Bare = TestCorpus.Article("bare", "خبر بلا رابط ولا تاريخ", "نص قصير.");

    [Theory]
    [InlineData("https://news.example/a", "2026-07-14T09:30:00.0000000+03:00")]
    [InlineData(null, "2026-07-14T09:30:00.0000000Z")]
    [InlineData("https://news.example/a", null)]
    [InlineData(null, null)]
    [InlineData("", "")]
    public void A_listing_value_reads_back_as_written(string? url, string? published)
    {
        Assert.True(ListingValue.TryDecode(ListingValue.Encode(url, published), out var readUrl, out var readPublished));
        Assert.Equal(url, readUrl);
        Assert.Equal(published, readPublished);
    }

    [Fact]
    public void A_long_value_reads_back_whole()
    {
        var url = "https://news.example/" + new string('ق', 5_000);

        Assert.True(ListingValue.TryDecode(ListingValue.Encode(url, null), out var readUrl, out _));
        Assert.Equal(url, readUrl);
    }

    [Fact]
    public void No_value_or_a_cut_one_is_not_a_listing()
    {
        var whole = ListingValue.Encode("https://news.example/a", "2026-07-14T09:30:00Z");

        Assert.False(ListingValue.TryDecode(new BytesRef(), out _, out _));
        Assert.False(ListingValue.TryDecode(new BytesRef(whole.Bytes, 0, whole.Length - 3), out _, out _));
    }

    [Fact]
    public void Reads_what_the_stored_article_holds_and_defers_to_it_when_it_cannot()
    {
        var longTitle = TestCorpus.Article("long", string.Join(' ', Enumerable.Repeat("عنوان طويل جدا", 40)), "نص.");
        var old = NewsDocumentMapper.ToDocument(Full with { Id = "old" });
        old.RemoveField(NewsFields.Listing);
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.AddDocument(NewsDocumentMapper.ToDocument(Full));
            writer.AddDocument(NewsDocumentMapper.ToDocument(Bare));
            writer.AddDocument(NewsDocumentMapper.ToDocument(longTitle));
            writer.AddDocument(old);
        }

        using var reader = DirectoryReader.Open(directory);
        var listing = new ListingReader(new SegmentValueCache());

        foreach (var doc in new[] { 0, 1 })
        {
            var stored = NewsDocumentMapper.ToArticle(reader.Document(doc));
            var read = listing.Read(reader, doc);
            Assert.NotNull(read);
            Assert.Equal(
                (stored.Id, stored.Title, stored.Url, stored.Source, stored.Section, stored.PublishedAt, stored.PublishedAt?.Offset),
                (read.Id, read.Title, read.Url, read.Source, read.Section, read.PublishedAt, read.PublishedAt?.Offset));
        }

        Assert.Null(listing.Read(reader, 2));
        Assert.Null(listing.Read(reader, 3));
    }

    [Fact]
    public void A_search_without_snippets_shows_each_hit_as_stored()
    {
        using var index = TestCorpus.InMemoryIndexOf(Full, Bare);

        var hits = index.Search(new SearchRequest("خبر تحلية", Highlight: false) { CollapseDuplicates = false }).Hits;

        var full = Assert.Single(hits, hit => hit.Id == "full");
        Assert.Equal((Full.Title, Full.Url, Full.Source, Full.Section, Published, TimeSpan.FromHours(3)), (full.Title, full.Url, full.Source, full.Section, full.PublishedAt!.Value, full.PublishedAt.Value.Offset));
        var bare = Assert.Single(hits, hit => hit.Id == "bare");
        Assert.Equal((Bare.Title, (string?)null, (DateTimeOffset?)null), (bare.Title, bare.Url, bare.PublishedAt));
    }
}
