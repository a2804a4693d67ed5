using Microsoft.Extensions.Options;
using Search.Core.DropFolder;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>Indexes the files dropped into <c>Search:WatchFolder</c> through the write path, as <c>_bulk</c> would.
/// Registered only when the folder is configured; starts after the sample data loader has caught up with the log.</summary>
internal sealed partial class DropFolderService(
    IndexHost host,
    IOptions<SearchServiceOptions> options,
    IHostEnvironment environment,
    ILogger<DropFolderService> logger,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (host.Store is not { } store)
        {
            LogNoWrites(options.Value.WatchFolder!);
            return;
        }

        var folder = Path.GetFullPath(options.Value.WatchFolder!, environment.ContentRootPath);
        var watching = new DropFolderOptions(folder) { SettleTime = TimeSpan.FromSeconds(options.Value.WatchSettleSeconds) };
        var watcher = new DropFolderWatcher(
            watching,
            new DropFileIndexer(store, new ArticleSources(), loggers.CreateLogger<DropFileIndexer>()).IndexAsync,
            Log,
            loggers.CreateLogger<DropFolderWatcher>());
        try
        {
            // A folder that cannot be made (its mount not there yet, a file in its path) is said once and tried again at
            // the watcher's listing interval: thrown from here, it stopped the whole service, searches included (a
            // background service that throws stops the host).
            for (var tries = 0; !FolderMade(folder, tries == 0, watching.ScanInterval); tries++)
            {
                await Task.Delay(watching.ScanInterval, stoppingToken);
            }

            LogWatching(folder);
            await watcher.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a file being read stays in the folder and is resumed at the next start, after the
            // last batch it saved as written.
        }
    }

    private bool FolderMade(string folder, bool firstTry, TimeSpan retryDelay)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (firstTry)
            {
                LogFolderUnavailable(ex, folder, retryDelay.TotalSeconds);
            }

            return false;
        }
    }

    private void Log(DropFileOutcome outcome)
    {
        switch (outcome.State)
        {
            case DropFileState.Done when outcome.MovedTo is null:
                // Replaced while it was read: the new file stays for a pass of its own.
                LogNotMoved(outcome.File, outcome.Indexed, outcome.Error);
                break;
            case DropFileState.Done:
                LogDone(outcome.File, outcome.Indexed, outcome.Problems.Count, outcome.MovedTo);
                break;
            case DropFileState.Failed when outcome.MovedTo is null:
                LogFailedInPlace(outcome.File, outcome.Error ?? outcome.Problems.FirstOrDefault()?.Message);
                break;
            case DropFileState.Failed:
                LogFailed(outcome.File, outcome.Error ?? outcome.Problems.FirstOrDefault()?.Message, outcome.MovedTo);
                break;
            default:
                LogWillRetry(outcome.File, outcome.Error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The drop folder {Folder} cannot be made; searches and writes go on without it, and it is tried again every {Seconds} s")]
    private partial void LogFolderUnavailable(Exception exception, string folder, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for article files")]
    private partial void LogWatching(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Indexed} articles from {File} ({Skipped} records skipped); moved to {MovedTo}")]
    private partial void LogDone(string file, long indexed, int skipped, string? movedTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Indexed} articles from {File}, not moved: {Error}")]
    private partial void LogNotMoved(string file, long indexed, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nothing indexed from {File}: {Error}; moved to {MovedTo}")]
    private partial void LogFailed(string file, string? error, string? movedTo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nothing more is done with {File}, which stays in the drop folder: {Error}")]
    private partial void LogFailedInPlace(string file, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing {File} failed, will retry: {Error}")]
    private partial void LogWillRetry(string file, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The drop folder {Folder} is not watched: this service takes no writes (read-only or unavailable index)")]
    private partial void LogNoWrites(string folder);
}
