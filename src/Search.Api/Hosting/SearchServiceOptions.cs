using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchServiceOptions
{
    public const string Section = "Search";

    /// <summary>Where written articles are kept: <c>local</c> (a write-ahead log beside the index, one node) or
    /// <c>postgres</c> (a database shared by many nodes, <c>Search:Postgres</c>).</summary>
    public StoreKind Store { get; set; } = StoreKind.Local;

    /// <summary>Folder of the Lucene index, relative to the app's folder (the content root) unless absolute.</summary>
    [Required]
    public string IndexPath { get; set; } = "index-data/index";

    /// <summary>Indexed at start-up when the index is empty, relative to the app's folder; blank to start with an empty
    /// index. The shipped appsettings.json points it at the sample corpus built next to the app.</summary>
    public string? SampleDataPath { get; set; }

    [Range(16, 4096)]
    public double RamBufferMb { get; set; } = 64;

    /// <summary>Memory for copies of the index files searches read most (term dictionary, postings, doc values), so
    /// they are read from memory rather than disk; files past it are read from disk. 0 turns it off.</summary>
    [Range(0, 1_048_576)]
    public int ResidentMemoryMb { get; set; } = 512;

    /// <summary>The most time one search may spend finding matches; past it the answer holds what was found, with
    /// <c>timedOut: true</c>. 0 turns the limit off.</summary>
    [Range(0, 600_000)]
    public int SearchTimeoutMs { get; set; } = 1_000;

    /// <summary>Serve the index without writing to it, as a deployment that only searches does; a folder the service
    /// cannot write is served read-only too.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Searches taking at least this long are logged as warnings, with their time in parts.</summary>
    [Range(0, 600_000)]
    public int SlowQueryMs { get; set; } = 500;

    /// <summary>Folder under which <c>POST /api/index/_snapshot</c> writes snapshots, relative to the content root unless absolute.</summary>
    [Required]
    public string SnapshotPath { get; set; } = "index-data/snapshots";

    /// <summary>A drop folder, relative to the content root unless absolute: files that appear in it are indexed and
    /// moved to its <c>.done</c> (or <c>.failed</c>) subfolder. Blank turns it off.</summary>
    public string? WatchFolder { get; set; }

    /// <summary>How long a dropped file must stay unchanged before it is read (a file renamed in is read at once).</summary>
    [Range(0.1, 600)]
    public double WatchSettleSeconds { get; set; } = 1;
}
