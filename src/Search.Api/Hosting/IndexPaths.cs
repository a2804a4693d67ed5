using Microsoft.Extensions.Options;

namespace Search.Api.Hosting;

/// <summary>The service's folders, resolved once against the content root: the index, its write-ahead log, where
/// snapshots go and where a reindex builds.</summary>
public sealed record IndexPaths(string Index, string Log, string Snapshots)
{
    /// <summary>Inside the index folder: Lucene leaves folders it did not make alone.</summary>
    public string ReindexWork => Path.Combine(Index, "reindex");

    /// <summary>Where an empty node builds the index it loads from the shared store, before swapping it in.</summary>
    public string BootstrapWork => Path.Combine(Index, "bootstrap");

    public static IndexPaths Resolve(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
        var writes = services.GetRequiredService<IOptions<WriteApiOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var index = Path.GetFullPath(options.IndexPath, root);
        var log = string.IsNullOrWhiteSpace(writes.LogPath) ? Path.Combine(index, "translog") : Path.GetFullPath(writes.LogPath, root);
        return new IndexPaths(index, log, Path.GetFullPath(options.SnapshotPath, root));
    }
}
