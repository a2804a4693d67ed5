using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Indexing;

/// <summary>A snapshot on the index's own disk hard-links the commit's files instead of copying them, and stays whole
/// while the live index merges those files away; on another disk it copies.</summary>
public sealed class SnapshotLinkTests
{
    [Fact]
    public void A_snapshot_on_the_index_disk_shares_the_files_and_outlives_the_index_merging_them_away()
    {
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        for (var batch = 0; batch < 3; batch++)
        {
            for (var i = 0; i < 50; i++)
            {
                index.Upsert(Article($"{batch}-{i}", "مباراة كرة القدم في الملعب"));
            }

            index.Commit();
        }

        var snapshot = index.SnapshotTo(temp.File("snapshot"));

        Assert.Equal(0, snapshot.CopiedBytes);
        Assert.True(snapshot.Bytes > 0);
        var shared = Directory.GetFiles(temp.File("snapshot")).Select(Path.GetFileName).ToList();
        Assert.Equal(snapshot.Files, shared.Count);
        Assert.All(shared, name => Assert.Equal(Inode(Path.Combine(temp.File("index"), name!)), Inode(Path.Combine(temp.File("snapshot"), name!))));

        // The live index moves on: every article rewritten, merged into one new segment, the old files deleted.
        for (var i = 0; i < 150; i++)
        {
            index.Upsert(Article($"{i / 50}-{i % 50}", "خبر آخر تماما"));
        }

        index.Optimize();
        Assert.DoesNotContain(Directory.GetFiles(temp.File("index")).Select(Path.GetFileName), name => name!.StartsWith("_0", StringComparison.Ordinal));

        using var copy = NewsIndex.Open(new NewsIndexOptions(temp.File("snapshot")));
        Assert.Equal(150, copy.Count);
        Assert.Equal("مباراة كرة القدم في الملعب", copy.Find("1-7")?.Title);
        Assert.Equal("خبر آخر تماما", index.Find("1-7")?.Title);
        Assert.True(CheckIndexClean(temp.File("snapshot")));
    }

    [SkippableFact]
    public void A_snapshot_on_another_disk_is_a_copy()
    {
        using var temp = new TempDirectory();
        var otherDisk = Path.Combine("/dev/shm", $"search-snapshot-{Guid.NewGuid():N}");
        Skip.IfNot(Directory.Exists("/dev/shm") && Device("/dev/shm") != Device(temp.Path), "no second file system at /dev/shm");
        try
        {
            using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
            for (var i = 0; i < 50; i++)
            {
                index.Upsert(Article($"a-{i}", "افتتاح معرض الكتاب"));
            }

            index.Commit();

            var snapshot = index.SnapshotTo(otherDisk);

            Assert.Equal(snapshot.Bytes, snapshot.CopiedBytes);
            Assert.True(snapshot.Bytes > 0);
            using var copy = NewsIndex.Open(new NewsIndexOptions(otherDisk));
            Assert.Equal(50, copy.Count);
        }
        finally
        {
            if (Directory.Exists(otherDisk))
            {
                Directory.Delete(otherDisk, recursive: true);
            }
        }
    }

    private static Documents.NewsArticle Article(string id, string title) =>
        TestCorpus.Article(id, title, $"{title}: الخبر رقم {id} {string.Concat(Enumerable.Repeat("نص الخبر ", 20))}");

    private static bool CheckIndexClean(string folder)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
        return new CheckIndex(directory).DoCheckIndex().Clean;
    }

    /// <summary>The file's device and inode, which every name of it shares.</summary>
    private static string Inode(string path) => FileNode.Of(path)!.Value.Identity;

    /// <summary>The device part of a folder's identity (<c>d</c>major<c>:</c>minor<c>:</c>inode).</summary>
    private static string Device(string path)
    {
        var identity = FileNode.Of(path)!.Value.Identity;
        return identity[..identity.LastIndexOf(':')];
    }
}
