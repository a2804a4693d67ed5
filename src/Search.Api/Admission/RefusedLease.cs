using System.Threading.RateLimiting;

namespace Search.Api.Admission;

/// <summary>The lease of a search refused a turn: its lane and queue were full, its wait ran out, or it could not have
/// started before the queue deadline.</summary>
internal sealed class RefusedLease : RateLimitLease
{
    public static readonly RefusedLease Instance = new();

    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
