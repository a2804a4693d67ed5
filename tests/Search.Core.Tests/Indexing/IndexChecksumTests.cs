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
    public void Another_version_a_missing_article_or_an_extra_one_changes_the_checksum()
    {
        var expected = IndexChecksum.Of([("a", 1L), ("b", 2L)]);

        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L), ("b", 3L)]));
        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L)]));
        Assert.NotEqual(expected, IndexChecksum.Of([("a", 1L), ("b", 2L), ("c", 3L)]));
        Assert.NotEqual(IndexChecksum.HashOf("ab", 1), IndexChecksum.HashOf("a", 1));
    }
}
