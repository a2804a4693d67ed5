using System.IO.Hashing;
using System.Text;

namespace Search.Postgres;

/// <summary>The keys of the PostgreSQL advisory locks the nodes share: a 64-bit hash of a name, so that each purpose
/// (and each feed) gets its own lock without a registry of numbers.</summary>
internal static class AdvisoryLocks
{
    /// <summary>Held while the schema is migrated: nodes starting together migrate one after the other.</summary>
    public static long Migration { get; } = Key("search:schema-migration");

    /// <summary>Held by the node compacting the change log, for one pass.</summary>
    public static long Compaction { get; } = Key("search:change-log-compaction");

    public static long Feed(Uri url) => Key("search:feed:" + url.AbsoluteUri);

    private static long Key(string name) => unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(name)));
}
