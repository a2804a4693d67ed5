using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Search.Core.Documents;

namespace Search.Core.Feeds;

/// <summary>What a poller remembers of an item it wrote: a hash of the item as the feed gave it, so an unchanged
/// item is not written again, and how many polls in a row failed to read its page.</summary>
internal readonly record struct SeenItem(UInt128 ContentHash, int PageFailures)
{
    /// <summary>Hashes every field the feed gave, and the item's updated date, which may change alone.</summary>
    public static UInt128 ContentHashOf(NewsArticle article, DateTimeOffset updated)
    {
        var hash = new XxHash128();
        foreach (var field in (ReadOnlySpan<string?>)[article.Id, article.Title, article.Lead, article.Body, article.Url, article.Source, article.Section, article.Author])
        {
            Append(hash, field);
        }

        Append(hash, article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
        Append(hash, updated.ToString("O", CultureInfo.InvariantCulture));
        foreach (var tag in article.Tags)
        {
            Append(hash, tag);
        }

        return hash.GetCurrentHashAsUInt128();
    }

    private static void Append(XxHash128 hash, string? value)
    {
        // Length first: a null field differs from an empty one, and "ab" + "c" from "a" + "bc".
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }
}
