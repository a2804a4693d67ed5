using K4os.Compression.LZ4;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Search.Core.Storage;

/// <summary>
/// LZ4 (fast level) for stored-field chunks, by K4os.Compression.LZ4 rather than Lucene.Net's own port. On 16 KB
/// chunks of the shared articles the port compressed at ~190 MB/s and decompressed at ~200 MB/s on the benchmark
/// machine, K4os at ~510 MB/s and ~600 MB/s+; compression was 9.5 % of the indexing thread (perf), and every
/// snippet reads its article's chunk. A chunk is written as its compressed length, then the LZ4 block.
/// </summary>
internal sealed class Lz4CompressionMode : CompressionMode
{
    public static Lz4CompressionMode Instance { get; } = new();

    private Lz4CompressionMode()
    {
    }

    public override Compressor NewCompressor() => new Lz4Compressor();

    public override Decompressor NewDecompressor() => new Lz4Decompressor();

    public override string ToString() => "K4os LZ4 fast";

    private sealed class Lz4Compressor : Compressor
    {
        private byte[] _compressed = [];

        public override void Compress(byte[] bytes, int off, int len, DataOutput @out)
        {
            var bound = LZ4Codec.MaximumOutputSize(len);
            if (_compressed.Length < bound)
            {
                _compressed = new byte[ArrayUtil.Oversize(bound, 1)];
            }

            var written = len == 0 ? 0 : LZ4Codec.Encode(bytes, off, len, _compressed, 0, _compressed.Length, LZ4Level.L00_FAST);
            if (written < 0)
            {
                throw new InvalidOperationException($"LZ4 could not compress a chunk of {len} bytes");
            }

            @out.WriteVInt32(written);
            @out.WriteBytes(_compressed, 0, written);
        }
    }

    private sealed class Lz4Decompressor : Decompressor
    {
        private byte[] _compressed = [];

        public override void Decompress(DataInput @in, int originalLength, int offset, int length, BytesRef bytes)
        {
            var compressedLength = @in.ReadVInt32();
            if (compressedLength < 0)
            {
                throw new CorruptIndexException($"Corrupted: negative compressed length {compressedLength} (resource={@in})");
            }

            if (_compressed.Length < compressedLength)
            {
                _compressed = new byte[ArrayUtil.Oversize(compressedLength, 1)];
            }

            @in.ReadBytes(_compressed, 0, compressedLength);
            if (bytes.Bytes.Length < originalLength)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength, 1)];
            }

            // Only as far as the caller reads: a document early in a chunk needs the start of it alone.
            var wanted = offset + length;
            var decoded = wanted == 0 ? 0 : LZ4Codec.PartialDecode(_compressed.AsSpan(0, compressedLength), bytes.Bytes.AsSpan(0, wanted));
            if (decoded < wanted)
            {
                throw new CorruptIndexException($"Corrupted: {decoded} bytes decompressed of the {wanted} wanted (resource={@in})");
            }

            bytes.Offset = offset;
            bytes.Length = length;
        }

        // Each clone keeps its own scratch buffer: readers clone the decompressor per thread.
        public override object Clone() => new Lz4Decompressor();
    }
}
