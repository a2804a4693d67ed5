using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Storage;

/// <summary>
/// Lucene 4.6's codec with stored fields compressed by <see cref="Lz4CompressionMode"/> and flushed postings completed by
/// <see cref="StemWritingPostingsFormat"/>. Segments name the codec
/// they were written with, so older segments (Lucene46) keep reading as before and merge into this one.
/// </summary>
[CodecName(CodecName)]
public sealed class NewsCodec : FilterCodec
{
    public const string CodecName = "NewsCodec1";

    /// <summary>Chunks of 16 KB, as Lucene's own stored fields: a snippet decompresses at most one chunk's worth.</summary>
    private const int ChunkSize = 1 << 14;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("NewsStoredFields", Lz4CompressionMode.Instance, ChunkSize);

    private readonly PostingsFormat _postings;

    public NewsCodec()
        : this(PostingsPipeline.DefaultChunkBytes)
    {
    }

    /// <param name="postingsChunkBytes">How many bytes of recorded postings a flush hands on to its writing thread at a time
    /// (<see cref="PostingsPipeline"/>); tests make it small to hand on many times in a small flush.</param>
    internal NewsCodec(int postingsChunkBytes)
        : base(new Lucene46Codec())
    {
        _postings = new StemWritingPostingsFormat(postingsChunkBytes);
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    public override PostingsFormat PostingsFormat => _postings;

    /// <summary>
    /// Lucene resolves the codec a segment names through one process-wide factory, so it must know ours before any of
    /// our indexes is read; this runs when the assembly loads, ahead of any code that could open one.
    /// </summary>
#pragma warning disable CA2255 // A library's module initializer: Lucene's codec lookup is process-wide by design.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(NewsCodec)] });
}
