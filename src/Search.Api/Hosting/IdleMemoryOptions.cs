using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>The <c>Search:Memory</c> section: giving memory back once a burst of work is over.</summary>
public sealed class IdleMemoryOptions
{
    public const string Section = "Search:Memory";

    /// <summary>How long the service must stay idle (allocating less than <see cref="IdleAllocationMb"/>) before the
    /// memory the garbage collector keeps but no longer uses is given back to the system. 0 never gives it back.</summary>
    [Range(0, 86_400)]
    public double IdleTrimSeconds { get; set; } = 30;

    /// <summary>Allocations in one idle period below which the service counts as idle: a search allocates about
    /// 0.3 MB, so the default lets a few searches a minute through without putting the pause off.</summary>
    [Range(0, 1_048_576)]
    public double IdleAllocationMb { get; set; } = 8;

    /// <summary>Memory kept by the collector beyond the live heap below which nothing is given back: a full compacting
    /// collection costs a pause (0.4 s on a 0.3 GB heap), worth paying only for more than the young generation's own
    /// budget (2 × 64 MB on 2 cores) gives back.</summary>
    [Range(0, 1_048_576)]
    public double MinSpareMb { get; set; } = 256;
}
