using System.Buffers.Binary;
using System.IO.Compression;

namespace Search.Core.Ingestion;

/// <summary>
/// What a <c>.gz</c> file's bytes say about it beyond what <see cref="GZipStream"/> reports: whether it is gzip at all,
/// and whether its last member is whole. GZipStream reads concatenated members (<c>cat a.gz b.gz</c>, pigz, bgzip) as
/// one stream, and ends quietly when a file stops early at a deflate block boundary.
/// </summary>
internal static class GzipFile
{
    /// <summary>How many of the last places that look like a member's start a check decompresses from (each to the end:
    /// bgzip's members are 64 KB, a concatenation's last member is one of its files).</summary>
    private const int MaxCandidates = 4;

    /// <summary>Whether the file begins with gzip's signature; leaves the position at the start.</summary>
    public static bool StartsAsGzip(FileStream file)
    {
        Span<byte> signature = stackalloc byte[2];
        var read = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
        file.Seek(0, SeekOrigin.Begin);
        return read == 2 && signature[0] == 0x1F && signature[1] == 0x8B;
    }

    /// <summary>ISIZE, the last four bytes: the last member's uncompressed size modulo 2^32; null for a file too short to
    /// hold a member. Leaves the position at the start.</summary>
    public static uint? TrailerSize(FileStream file)
    {
        if (file.Length < 18)
        {
            return null;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    /// <summary>
    /// Whether the file holds several members and the last one is whole: some place after the start holds a member
    /// header from which decompressing to the end gives <paramref name="trailerSize"/> bytes. Called only when the
    /// whole file's size disagrees with the trailer, to tell a concatenation from a truncation.
    /// </summary>
    public static bool EndsWithWholeMember(string path, uint trailerSize)
    {
        foreach (var start in Enumerable.Reverse(MemberHeaders(path)).Take(MaxCandidates))
        {
            try
            {
                using var file = File.OpenRead(path);
                file.Seek(start, SeekOrigin.Begin);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                var buffer = new byte[81_920];
                long size = 0;
                int read;
                while ((read = gzip.Read(buffer)) > 0)
                {
                    size += read;
                }

                if ((uint)size == trailerSize)
                {
                    return true;
                }
            }
            catch (InvalidDataException)
            {
                // Compressed bytes that looked like a header.
            }
        }

        return false;
    }

    /// <summary>Offsets after the first byte where a member header could begin: the signature, deflate, no reserved
    /// flag, a known compression level and system (1 in about 10^6 of random places also pass).</summary>
    private static List<long> MemberHeaders(string path)
    {
        var offsets = new List<long>();
        using var file = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long bufferStart = 0;
        var kept = 0;
        int read;
        while ((read = file.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var length = kept + read;
            for (var i = 0; i + 10 <= length; i++)
            {
                var at = bufferStart + i;
                if (at > 0 && buffer[i] == 0x1F && buffer[i + 1] == 0x8B && buffer[i + 2] == 8 && (buffer[i + 3] & 0xE0) == 0
                    && buffer[i + 8] is 0 or 2 or 4 && (buffer[i + 9] <= 13 || buffer[i + 9] == 255))
                {
                    offsets.Add(at);
                }
            }

            // The last nine bytes may begin a header that continues in the next read.
            kept = Math.Min(9, length);
            Array.Copy(buffer, length - kept, buffer, 0, kept);
            bufferStart += length - kept;
        }

        return offsets;
    }
}
