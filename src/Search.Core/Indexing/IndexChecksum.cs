using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>
/// Which articles an index holds in which version, folded into one number: the sum (mod 2^64) of an XxHash64 of each
/// live article's id and <see cref="NewsFields.Version"/>. A sum, not a running hash, so it does not depend on the
/// order of segments or documents, which differs between nodes that applied the same changes in different batches.
/// </summary>
/// <param name="Articles">Live articles counted.</param>
/// <param name="Sum">The folded hashes, as 16 hex digits.</param>
public sealed record IndexChecksum(long Articles, string Sum)
{
    /// <summary>The hash of one article, as every node and a database-side check compute it: XxHash64 (seed 0) of the
    /// id's UTF-8 bytes followed by the version as 8 little-endian bytes.</summary>
    public static ulong HashOf(string id, long version)
    {
        var idBytes = Encoding.UTF8.GetByteCount(id);
        var buffer = idBytes + 8 <= 512 ? stackalloc byte[idBytes + 8] : new byte[idBytes + 8];
        Encoding.UTF8.GetBytes(id, buffer);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[idBytes..], version);
        return XxHash64.HashToUInt64(buffer);
    }

    /// <summary>The checksum of (id, version) pairs computed elsewhere (a database's rows), to compare with an index's.</summary>
    public static IndexChecksum Of(IEnumerable<(string Id, long Version)> articles)
    {
        long count = 0;
        ulong sum = 0;
        foreach (var (id, version) in articles)
        {
            count++;
            sum = unchecked(sum + HashOf(id, version));
        }

        return new IndexChecksum(count, Format(sum));
    }

    internal static IndexChecksum Of(IndexReader reader)
    {
        long count = 0;
        ulong sum = 0;
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var ids = segment.GetSortedDocValues(NewsFields.Id);
            var versions = segment.GetNumericDocValues(NewsFields.Version);
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                ids.Get(doc, id);
                count++;
                sum = unchecked(sum + HashOf(id.Utf8ToString(), versions?.Get(doc) ?? 0));
            }
        }

        return new IndexChecksum(count, Format(sum));
    }

    private static string Format(ulong sum) => sum.ToString("x16", CultureInfo.InvariantCulture);
}
