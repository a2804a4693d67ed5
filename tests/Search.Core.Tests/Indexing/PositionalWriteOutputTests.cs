using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>Files written through <see cref="PositionalReadDirectory"/> hold the bytes, length and checksum that
/// Lucene's own output gives the same writes, and an index written with it verifies.</summary>
public sealed class PositionalWriteOutputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void The_file_and_its_checksum_match_Lucene_s_own_output_for_the_same_writes(int seed)
    {
        using var temp = new TempDirectory();
        using var ours = new PositionalReadDirectory(Path.Combine(temp.Path, "ours"));
        using var lucene = new SimpleFSDirectory(Path.Combine(temp.Path, "lucene"));
        var random = new Random(seed);
        var writes = Enumerable.Range(0, 400).Select(_ => RandomBytes(random)).ToList();

        var (ourChecksum, ourLength) = WriteAll(ours, writes);
        var (luceneChecksum, luceneLength) = WriteAll(lucene, writes);

        Assert.Equal(luceneChecksum, ourChecksum);
        Assert.Equal(luceneLength, ourLength);
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "lucene", "data")), File.ReadAllBytes(Path.Combine(temp.Path, "ours", "data")));
    }

    [Fact]
    public void An_index_written_through_it_passes_Lucene_s_checksum_and_index_checks()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48)) { UseCompoundFile = true };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < 3_000; i++)
            {
                writer.AddDocument([new StringField("id", $"doc-{i}", Field.Store.YES), new TextField("body", $"word{i % 97} other{i % 13} text {i}", Field.Store.YES), new NumericDocValuesField("n", i)]);
                if (i % 1_000 == 999)
                {
                    writer.Commit();
                }
            }

            writer.ForceMerge(1);
        }

        using (var reader = DirectoryReader.Open(directory))
        {
            foreach (var leaf in reader.Leaves)
            {
                ((SegmentReader)leaf.Reader).CheckIntegrity();
            }

            Assert.Equal(3_000, reader.NumDocs);
        }

        var status = new CheckIndex(directory).DoCheckIndex();
        Assert.True(status.Clean);
    }

    [Fact]
    public void A_closed_file_is_synced_at_the_next_commit_like_Lucene_s_own()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        using (var output = directory.CreateOutput("data", IOContext.DEFAULT))
        {
            output.WriteInt64(42);
        }

        // Sync of a file this directory wrote and never synced must reach it (an unknown name is skipped silently).
        File.Delete(Path.Combine(temp.Path, "data"));
        Assert.ThrowsAny<IOException>(() => directory.Sync(["data"]));
    }

    private static (long Checksum, long Length) WriteAll(Lucene.Net.Store.Directory directory, List<byte[]> writes)
    {
        using var output = directory.CreateOutput("data", IOContext.DEFAULT);
        foreach (var bytes in writes)
        {
            if (bytes.Length == 1)
            {
                output.WriteByte(bytes[0]);
            }
            else
            {
                output.WriteBytes(bytes, 0, bytes.Length);
            }
        }

        output.WriteVInt32(123_456);
        output.WriteString("نهاية");
        var checksum = output.Checksum;
        Assert.Equal(output.Position, output.Length);
        output.WriteInt64(checksum);
        return (checksum, output.Position);
    }

    private static byte[] RandomBytes(Random random)
    {
        // Mostly small writes, some the size of a buffer or more, so writes straddle and skip the buffer.
        var length = random.Next(10) switch
        {
            < 6 => 1,
            < 9 => random.Next(2, 200),
            _ => random.Next(30_000, 80_000),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
