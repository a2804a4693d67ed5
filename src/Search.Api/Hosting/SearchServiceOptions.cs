using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchServiceOptions
{
    public const string Section = "Search";

    /// <summary>Folder of the Lucene index, relative to the content root unless absolute.</summary>
    [Required]
    public string IndexPath { get; set; } = "../../index-data/index";

    /// <summary>Indexed at start-up when the index is empty; blank to start with an empty index.</summary>
    public string? SampleDataPath { get; set; } = "../../index-data";

    /// <summary>Searches run at once; more wait in a queue of <see cref="SearchQueueLimit"/>, beyond which callers get 503.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentSearches { get; set; } = 64;

    [Range(0, 100_000)]
    public int SearchQueueLimit { get; set; } = 256;

    [Range(16, 4096)]
    public double RamBufferMb { get; set; } = 64;

    /// <summary>Folder under which <c>POST /api/index/_snapshot</c> writes snapshots, relative to the content root unless absolute.</summary>
    [Required]
    public string SnapshotPath { get; set; } = "../../index-data/snapshots";

    /// <summary>A drop folder, relative to the content root unless absolute: files that appear in it are indexed and
    /// moved to its <c>.done</c> (or <c>.failed</c>) subfolder. Blank turns it off.</summary>
    public string? WatchFolder { get; set; }

    /// <summary>How long a dropped file must stay unchanged before it is read (a file renamed in is read at once).</summary>
    [Range(0.1, 600)]
    public double WatchSettleSeconds { get; set; } = 1;
}
