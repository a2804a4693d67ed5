using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Segments;

namespace Search.Core.Tests.Segments;

/// <summary>A value is built once a segment, however many use it at once, and a failed build is tried again.</summary>
public sealed class SegmentCacheTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public SegmentCacheTests()
    {
        using (var writer = new IndexWriter(_directory, NewsWriterConfig.Create()))
        {
            for (var segment = 0; segment < 2; segment++)
            {
                writer.AddDocument(NewsDocumentMapper.ToDocument(TestCorpus.Article($"doc-{segment}", "خبر")));
                writer.Commit();
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Each_segment_builds_once_however_many_ask_at_once()
    {
        var cache = new SegmentCache<object>();
        var segments = _reader.Leaves.Select(leaf => leaf.AtomicReader).ToList();

        var values = segments.AsParallel().SelectMany(segment => Enumerable.Range(0, 50).Select(_ => (segment, value: cache.For(segment, _ => new object())))).ToList();

        Assert.Equal(2, segments.Count);
        Assert.Equal(2, cache.Builds);
        Assert.All(values.GroupBy(pair => pair.segment), group => Assert.Single(group.Select(pair => pair.value).Distinct()));
    }

    [Fact]
    public void A_build_that_fails_is_not_kept_and_the_next_use_builds_again()
    {
        var cache = new SegmentCache<string>();
        var segment = _reader.Leaves[0].AtomicReader;

        Assert.Throws<IOException>(() => cache.For(segment, _ => throw new IOException("disk")));
        var value = cache.For(segment, _ => "built");

        Assert.Equal("built", value);
        Assert.Equal(2, cache.Builds);
        Assert.Equal("built", cache.For(segment, _ => "again"));
    }
}
