using Lucene.Net.Analysis.Standard;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>Our indexes write their segments with <see cref="NewsCodec"/>, and indexes written before it (stock
/// Lucene 4.6 segments) still read, take writes and merge.</summary>
public sealed class NewsCodecTests
{
    [Fact]
    public void New_segments_name_the_news_codec_and_Lucene_resolves_it_by_that_name()
    {
        using var temp = new TempDirectory();
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.Path)))
        {
            index.Upsert(TestCorpus.Article("a-1", "عنوان الخبر", body: "نص الخبر الكامل عن الانتخابات"));
            index.Commit();
        }

        using var directory = new PositionalReadDirectory(temp.Path);
        var segments = new SegmentInfos();
        segments.Read(directory);

        Assert.All(segments.Segments, segment => Assert.Equal(NewsCodec.CodecName, segment.Info.Codec.Name));
        Assert.IsType<NewsCodec>(Codec.ForName(NewsCodec.CodecName));
    }

    [Fact]
    public void An_index_of_stock_Lucene_segments_reads_takes_writes_and_merges_into_news_codec_segments()
    {
        using var temp = new TempDirectory();
        var old = TestCorpus.Article("old-1", "خبر قديم", body: string.Concat(Enumerable.Repeat("نص قديم عن الاقتصاد والأسواق ", 200)), publishedAt: new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(3)));
        using (var directory = new PositionalReadDirectory(temp.Path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            Assert.Equal("Lucene46", writer.Config.Codec.Name);
            writer.AddDocument(NewsDocumentMapper.ToDocument(old));
            writer.Commit();
        }

        var fresh = TestCorpus.Article("new-1", "خبر جديد", body: string.Concat(Enumerable.Repeat("نص جديد عن الرياضة والملاعب ", 200)));
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.Path)))
        {
            Assert.Equal(old.Body, index.Find("old-1")?.Body);
            index.Upsert(fresh);
            index.Commit();
            index.Optimize(1);
            index.Refresh();

            Assert.Equal(old.Body, index.Find("old-1")?.Body);
            Assert.Equal(old.PublishedAt, index.Find("old-1")?.PublishedAt);
            Assert.Equal(fresh.Body, index.Find("new-1")?.Body);
        }

        using var reopened = new PositionalReadDirectory(temp.Path);
        var segments = new SegmentInfos();
        segments.Read(reopened);
        var merged = Assert.Single(segments.Segments);
        Assert.Equal(NewsCodec.CodecName, merged.Info.Codec.Name);
        Assert.True(new CheckIndex(reopened).DoCheckIndex().Clean);
    }
}
