using Microsoft.Extensions.Options;
using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Writing;
using Search.Postgres;

namespace Search.Api.Hosting;

/// <summary>
/// Opens the index and its write path at start-up and keeps what went wrong instead of bringing the host down: a
/// corrupt or foreign index folder leaves the service up with <c>/ready</c> false and a clear error on every request
/// that needs the index; a folder the service may not write (or <c>Search:ReadOnly</c>) is served read-only; a
/// damaged write-ahead log leaves searches working and writes refused. Another process writing the folder is the one
/// failure that stops the start: two writers would corrupt it. With <c>Search:Store</c> = <c>postgres</c> the index
/// follows the shared database instead of a local log (loading it first when the index is empty), and the node starts
/// even while the database is down.
/// </summary>
public sealed partial class IndexHost : IAsyncDisposable
{
    public IndexHost(IndexPaths paths, IOptions<SearchServiceOptions> options, IOptions<WriteApiOptions> writes, IOptions<PostgresOptions> postgres, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<IndexHost>();
        var settings = options.Value;
        var indexOptions = new NewsIndexOptions(paths.Index)
        {
            RamBufferMb = settings.RamBufferMb,
            ResidentMemoryMb = settings.ResidentMemoryMb,
            SearchTimeout = settings.SearchTimeoutMs > 0 ? TimeSpan.FromMilliseconds(settings.SearchTimeoutMs) : null,
        };
        if (settings.Store == StoreKind.Postgres)
        {
            indexOptions = indexOptions with { MaxRefreshDelay = TimeSpan.FromMilliseconds(postgres.Value.RefreshIntervalMs) };
        }

        try
        {
            if (settings.ReadOnly || !IsWritable(paths.Index))
            {
                Index = NewsIndex.OpenReadOnly(indexOptions);
                LogReadOnly(logger, paths.Index, settings.ReadOnly ? "Search:ReadOnly is set" : "the folder cannot be written");
                return;
            }

            Index = NewsIndex.Open(indexOptions);
        }
        catch (Exception ex) when (ex is not IndexLockedException and (IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException))
        {
            Failure = ex;
            LogIndexUnavailable(logger, ex, paths.Index);
            return;
        }

        RemoveStaleReindex(paths.ReindexWork, logger);
        var followerOptions = writes.Value.ApplyThreads is { } threads
            ? new IndexFollowerOptions { CommitInterval = TimeSpan.FromSeconds(writes.Value.CommitIntervalSeconds), ApplyThreads = threads }
            : new IndexFollowerOptions { CommitInterval = TimeSpan.FromSeconds(writes.Value.CommitIntervalSeconds) };
        if (settings.Store == StoreKind.Postgres)
        {
            // Connects in the background: a database that is down now delays writes and following, not the start.
            var shared = PostgresArticleLog.Open(postgres.Value.ToStoreOptions(), loggers);
            FeedLease = shared.FeedLease;
            Store = ArticleStore.OpenShared(Index, shared, paths.BootstrapWork, followerOptions, loggers.CreateLogger<IndexFollower>());
            return;
        }

        try
        {
            Store = ArticleStore.OpenLocal(Index, paths.Log, followerOptions, loggers.CreateLogger<IndexFollower>());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            StoreFailure = ex;
            LogWritesUnavailable(logger, ex, paths.Log);
        }
    }

    /// <summary>The index, or null when it could not be opened (<see cref="Failure"/> says why).</summary>
    public NewsIndex? Index { get; }

    /// <summary>The write path, or null when the index is read-only or unavailable, or the log could not be opened.</summary>
    public ArticleStore? Store { get; }

    public Exception? Failure { get; }

    /// <summary>Decides which node polls a feed: a lock in the shared database, or this node alone.</summary>
    public IFeedLease FeedLease { get; } = new LocalFeedLease();

    public Exception? StoreFailure { get; }

    public bool ReadOnly => Index?.IsReadOnly == true;

    /// <summary>The index, or the exception that tells a request why there is none.</summary>
    public NewsIndex RequireIndex() => Index ?? throw new IndexUnavailableException(Failure);

    /// <summary>The write path, or the exception that tells a request why writes are refused.</summary>
    public ArticleStore RequireStore() => Store ?? (ReadOnly
        ? throw new IndexReadOnlyException()
        : throw new IndexUnavailableException(StoreFailure ?? Failure));

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Index?.Dispose();
    }

    /// <summary>A reindex the process was killed in leaves its half-built index behind; this process holds the index's
    /// lock now, so no reindex of another is using it.</summary>
    private static void RemoveStaleReindex(string workFolder, ILogger logger)
    {
        try
        {
            if (System.IO.Directory.Exists(workFolder))
            {
                System.IO.Directory.Delete(workFolder, recursive: true);
                LogStaleReindexRemoved(logger, workFolder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next reindex deletes it too; failing the start over it would be worse.
            LogStaleReindexKept(logger, ex, workFolder);
        }
    }

    /// <summary>Whether this process may create files in the folder (creating it if need be).</summary>
    private static bool IsWritable(string folder)
    {
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving the index at {Path} read-only ({Reason}): searches work, writes are refused")]
    private static partial void LogReadOnly(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The index at {Path} cannot be opened; the service answers 503 and /ready is false until it is repaired or replaced (restore a snapshot, or reindex)")]
    private static partial void LogIndexUnavailable(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Folder}, left by a reindex that did not finish")]
    private static partial void LogStaleReindexRemoved(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Folder}, left by a reindex that did not finish; the next reindex removes it")]
    private static partial void LogStaleReindexKept(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The write-ahead log at {Path} cannot be opened; searches work, writes are refused")]
    private static partial void LogWritesUnavailable(ILogger logger, Exception exception, string path);
}
