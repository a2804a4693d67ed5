using System.ComponentModel.DataAnnotations;

namespace Search.Api.Hosting;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchServiceOptions
{
    public const string Section = "Search";

    /// <summary>Folder of the Lucene index, relative to the app's folder (the content root) unless absolute.</summary>
    [Required]
    public string IndexPath { get; set; } = "index-data/index";

    /// <summary>Indexed at start-up when the index is empty, relative to the app's folder; blank to start with an empty
    /// index. The shipped appsettings.json points it at the sample corpus built next to the app.</summary>
    public string? SampleDataPath { get; set; }

    /// <summary>Searches run at once; more wait in a queue of <see cref="SearchQueueLimit"/>, beyond which callers get 503.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentSearches { get; set; } = 64;

    [Range(0, 100_000)]
    public int SearchQueueLimit { get; set; } = 256;

    [Range(16, 4096)]
    public double RamBufferMb { get; set; } = 64;
}
