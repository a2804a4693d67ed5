using Search.Core.Documents;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class IndexChecksumTests
{
    [Fact]
    public void Indexes_holding_the_same_ids_in_the_same_versions_agree_whatever_the_order_and_segments()
    {
        using var first = NewsIndex.InMemory();
        first.Upsert(TestCorpus.Article("a", "أ"), version: 1);
        first.Upsert(TestCorpus.Article("b", "ب"), version: 2);
        first.Commit();
        first.Upsert(TestCorpus.Article("c", "ج"), version: 3);
        first.Upsert(TestCorpus.Article("a", "أ أ"), version: 4);
        first.Commit();

        using var second = NewsIndex.InMemory();
        second.Upsert(TestCorpus.Article("c", "ج"), version: 3);
        second.Upsert(TestCorpus.Article("a", "أ أ"), version: 4);
        second.Upsert(TestCorpus.Article("b", "ب"), version: 2);
        second.Commit();

        first.Refresh();
        second.Refresh();
        Assert.Equal(first.Checksum(), second.Checksum());
        Assert.Equal(IndexChecksum.Of([("b", 2L), ("c", 3L), ("a", 4L)]), first.Checksum());
        Assert.Equal(3, first.Checksum().Articles);
    }

    [Fact]
    public void An_article_imported_without_a_version_counts_as_version_0_beside_logged_ones()
    {
        // Version 0 writes neither the doc value nor the stored field: a segment with none of them, and one with both.
        using var index = NewsIndex.InMemory();
        index.Upsert(TestCorpus.Article("imported", "أ"));
        index.Commit();
        index.Upsert(TestCorpus.Article("logged", "ب"), version: 5);
        index.Upsert(TestCorpus.Article("imported-too", "ج"));
        index.Commit();
        index.Refresh();

        Assert.Equal(IndexChecksum.Of([("imported", 0L), ("logged", 5L), ("imported-too", 0L)]), index.Checksum());
        Assert.Null(NewsDocumentMapper.ToDocument(TestCorpus.Article("x", "د")).GetField(NewsFields.Version));
        Assert.Equal(0, NewsDocumentMapper.VersionOf(NewsDocumentMapper.ToDocument(TestCorpus.Article("x", "د"))));
        Assert.Equal(5, NewsDocumentMapper.VersionOf(NewsDocumentMapper.ToDocument(TestCorpus.Article("x", "د"), version: 5)));
    }

    [Fact]
    public void Another_version_a_missing_article_or_an_extra_one_changes_the_checksum()
    {
        var expected = IndexChecksum.Of([("a", 1L), ("b", 2L)]);

        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L), ("b", 3L)]));
        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L)]));
        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L), ("b", 2L), ("c", 3L)]));
        Assert.NotEqual(IndexChecksum.HashOf("ab", 1), IndexChecksum.HashOf("a", 1));
    }
}
