using System.Text;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>Stored-field chunks come back byte for byte, whole or any window of them, and damage is reported.</summary>
public sealed class Lz4CompressionModeTests
{
    public static TheoryData<int> Lengths => [0, 1, 15, 4_096, 16_384, 70_000];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Any_window_of_a_chunk_decompresses_to_the_bytes_written(int length)
    {
        var random = new Random(length);
        var chunk = ChunkOf(random, length);
        var stored = Compress(chunk, padding: 3);

        var decompressor = Lz4CompressionMode.Instance.NewDecompressor();
        foreach (var (offset, count) in Windows(random, length))
        {
            var bytes = new BytesRef();
            decompressor.Decompress(new ByteArrayDataInput(stored, 3, stored.Length - 3), length, offset, count, bytes);

            Assert.Equal(chunk.AsSpan(offset, count).ToArray(), bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        }
    }

    [Fact]
    public void A_cut_chunk_is_reported_as_a_corrupt_index()
    {
        var chunk = ChunkOf(new Random(3), 10_000);
        var stored = Compress(chunk, padding: 0);
        var cut = stored.AsSpan(0, stored.Length / 2).ToArray();

        // The length prefix promises more bytes than the file holds: Lucene's inputs throw at the end of the data.
        Assert.ThrowsAny<Exception>(() => Lz4CompressionMode.Instance.NewDecompressor().Decompress(new ByteArrayDataInput(cut), chunk.Length, 0, chunk.Length, new BytesRef()));

        // A chunk whose compressed bytes decode to less than the document asks for.
        var shortChunk = Compress(chunk.AsSpan(0, 100).ToArray(), padding: 0);
        Assert.Throws<CorruptIndexException>(() => Lz4CompressionMode.Instance.NewDecompressor().Decompress(new ByteArrayDataInput(shortChunk), chunk.Length, 0, chunk.Length, new BytesRef()));
    }

    [Fact]
    public void Clones_decompress_independently()
    {
        var first = Compress(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("الأول ", 500))), padding: 0);
        var second = Compress(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("الثاني ", 500))), padding: 0);
        var original = Lz4CompressionMode.Instance.NewDecompressor();
        var clone = (Decompressor)original.Clone();
        var a = new BytesRef();
        var b = new BytesRef();

        original.Decompress(new ByteArrayDataInput(first), 5_500, 0, 11, a);
        clone.Decompress(new ByteArrayDataInput(second), 6_500, 0, 13, b);

        Assert.Equal("الأول", Encoding.UTF8.GetString(a.Bytes, a.Offset, a.Length).Trim());
        Assert.Equal("الثاني", Encoding.UTF8.GetString(b.Bytes, b.Offset, b.Length).Trim());
    }

    private static byte[] Compress(byte[] chunk, int padding)
    {
        var output = new byte[padding + 16 + (chunk.Length * 2)];
        var data = new ByteArrayDataOutput(output, padding, output.Length - padding);
        Lz4CompressionMode.Instance.NewCompressor().Compress(chunk, 0, chunk.Length, data);
        return output.AsSpan(0, data.Position).ToArray();
    }

    /// <summary>Text-like bytes (repeats for LZ4 to find) mixed with noise (literals it cannot shorten).</summary>
    private static byte[] ChunkOf(Random random, int length)
    {
        var words = new[] { "غزة", "الحكومة", "news", "٢٠٢٤", " ", "\n" }.Select(Encoding.UTF8.GetBytes).ToArray();
        var chunk = new List<byte>(length);
        while (chunk.Count < length)
        {
            if (random.Next(4) == 0)
            {
                chunk.Add((byte)random.Next(256));
            }
            else
            {
                chunk.AddRange(words[random.Next(words.Length)]);
            }
        }

        return [.. chunk.Take(length)];
    }

    private static IEnumerable<(int Offset, int Count)> Windows(Random random, int length)
    {
        yield return (0, length);
        yield return (0, 0);
        yield return (length, 0);
        for (var i = 0; i < 20 && length > 0; i++)
        {
            var offset = random.Next(length);
            yield return (offset, random.Next(length - offset + 1));
        }
    }
}
