using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Search.Core.Writing;

/// <summary>
/// One log record on disk: <c>[payload length: u32][CRC-32 of payload: u32][payload]</c>, the payload being
/// <c>[sequence: i64][kind: u8][body]</c> where the body is the article as JSON (upsert) or the id in UTF-8 (delete),
/// all little-endian. The checksum finds a record torn by a crash mid-write: reading stops there.
/// </summary>
internal static class LogRecordFormat
{
    public const int HeaderSize = 8;

    /// <summary>Larger than any article the API accepts; a length beyond it can only be a torn or corrupt header.</summary>
    public const int MaxPayloadSize = 64 * 1024 * 1024;

    private const int PayloadPrefixSize = 9;

    // Arabic text as UTF-8 rather than \uXXXX escapes, which made a record three times the size of its text: three
    // times the bytes to write, fsync and checksum. Readers take either form.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ArrayBufferWriter<byte> output, long sequence, ArticleChange change)
    {
        var header = output.GetSpan(HeaderSize + PayloadPrefixSize);
        var start = output.WrittenCount;
        output.Advance(HeaderSize + PayloadPrefixSize);
        BinaryPrimitives.WriteInt64LittleEndian(header[HeaderSize..], sequence);
        header[HeaderSize + 8] = (byte)change.Kind;

        if (change.Kind == ChangeKind.Upsert)
        {
            using var json = new Utf8JsonWriter(output, JsonOptions);
            JsonSerializer.Serialize(json, change.Article!, LogJsonContext.Default.NewsArticle);
        }
        else
        {
            var id = output.GetSpan(Encoding.UTF8.GetMaxByteCount(change.Id.Length));
            output.Advance(Encoding.UTF8.GetBytes(change.Id, id));
        }

        // The buffer may have moved while the body was written: address the header through the written memory.
        var record = MemoryMarshal.AsMemory(output.WrittenMemory).Span[start..];
        var payload = record[HeaderSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.HashToUInt32(payload));
    }

    /// <summary>Reads the record at the start of <paramref name="data"/>.</summary>
    /// <returns>The record's total size, or 0 when the data holds no whole, intact record (end of log or torn write).</returns>
    public static int TryRead(ReadOnlySpan<byte> data, out LoggedChange change)
    {
        change = default;
        if (data.Length < HeaderSize + PayloadPrefixSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length < PayloadPrefixSize || length > MaxPayloadSize || data.Length - HeaderSize < length)
        {
            return 0;
        }

        var payload = data.Slice(HeaderSize, (int)length);
        if (Crc32.HashToUInt32(payload) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..]))
        {
            return 0;
        }

        var sequence = BinaryPrimitives.ReadInt64LittleEndian(payload);
        var body = payload[PayloadPrefixSize..];
        change = (ChangeKind)payload[8] switch
        {
            ChangeKind.Upsert => new LoggedChange(sequence, ArticleChange.Upsert(
                JsonSerializer.Deserialize(body, LogJsonContext.Default.NewsArticle)
                ?? throw new InvalidDataException($"log record {sequence} holds no article"))),
            ChangeKind.Delete => new LoggedChange(sequence, ArticleChange.Delete(Encoding.UTF8.GetString(body))),
            var kind => throw new InvalidDataException($"log record {sequence} has an unknown kind {(byte)kind}"),
        };
        return HeaderSize + (int)length;
    }
}
