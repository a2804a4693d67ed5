using System.Threading.RateLimiting;

namespace Search.Api.Admission;

/// <summary>Two acquired leases held and given back as one.</summary>
internal sealed class PairedLease(RateLimitLease first, RateLimitLease second) : RateLimitLease
{
    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            second.Dispose();
            first.Dispose();
        }
    }
}
