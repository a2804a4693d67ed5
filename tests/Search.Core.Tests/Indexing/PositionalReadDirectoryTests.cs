using Lucene.Net.Store;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class PositionalReadDirectoryTests
{
    /// <summary>What a merge opens files with.</summary>
    internal static readonly IOContext Merging = new(new MergeInfo(totalDocCount: 1, estimatedMergeBytes: 1, isExternal: false, mergeMaxNumSegments: 1));

    public static TheoryData<string> Contexts => ["search", "merge"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Reads_back_every_byte_written_from_any_position_across_buffer_refills(string use)
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var bytes = Write(directory, "data", length: (3 * PositionalReadDirectory.MergeBufferSize) + 123);

        using var input = directory.OpenInput("data", ContextFor(use));
        Assert.Equal(bytes.Length, input.Length);
        var whole = new byte[bytes.Length];
        input.ReadBytes(whole, 0, whole.Length);
        Assert.Equal(bytes, whole);

        // Backwards, across refill boundaries: each seek reads where it lands, not what the buffer held.
        foreach (var position in new long[] { bytes.Length - 1, PositionalReadDirectory.SearchBufferSize, PositionalReadDirectory.SearchBufferSize - 1, 5, 0 })
        {
            input.Seek(position);
            Assert.Equal(bytes[position], input.ReadByte());
        }

        // Lucene's numbers are big-endian.
        input.Seek(bytes.Length - 8);
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(bytes.Length - 8)), input.ReadInt64());
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void A_compound_file_slice_reads_its_own_window_and_stops_at_its_end(string use)
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var bytes = Write(directory, "data.cfs", length: 20_000);

        using var slicer = directory.CreateSlicer("data.cfs", ContextFor(use));
        using var slice = slicer.OpenSlice("part", offset: 7_000, length: 9_000);
        var read = new byte[9_000];
        slice.ReadBytes(read, 0, read.Length);

        Assert.Equal(bytes.AsSpan(7_000, 9_000).ToArray(), read);
        Assert.ThrowsAny<IOException>(() => slice.ReadByte());
    }

    [Fact]
    public void A_clone_read_after_its_file_was_closed_throws()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var bytes = Write(directory, "data", length: 3 * PositionalReadDirectory.SearchBufferSize);
        var input = directory.OpenInput("data", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(bytes[0], clone.ReadByte());

        input.Dispose();

        // Past the clone's buffer, so the read goes to the file.
        clone.Seek(2 * PositionalReadDirectory.SearchBufferSize);
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
    }

    [Fact]
    public void An_empty_file_opens_with_length_zero_and_reading_it_says_end_of_file()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        Write(directory, "empty", length: 0);

        using var input = directory.OpenInput("empty", IOContext.DEFAULT);

        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found_as_Lucene_expects()
    {
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);

        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("segments_9", IOContext.DEFAULT));
    }

    [Fact]
    public void A_file_deleted_while_open_is_still_read_in_full()
    {
        // Lucene deletes a merged-away segment's files while searches still hold them open.
        using var temp = new TempDirectory();
        using var directory = new PositionalReadDirectory(temp.Path);
        var bytes = Write(directory, "data", length: 50_000);
        using var input = directory.OpenInput("data", IOContext.DEFAULT);

        directory.DeleteFile("data");
        var read = new byte[bytes.Length];
        input.ReadBytes(read, 0, read.Length);

        Assert.Equal(bytes, read);
    }

    private static IOContext ContextFor(string use) => use == "merge" ? Merging : IOContext.DEFAULT;

    /// <summary>A file of <paramref name="length"/> seeded random bytes, written through Lucene; its bytes.</summary>
    internal static byte[] Write(Lucene.Net.Store.Directory directory, string name, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}
