using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.DropFolder;

/// <summary>
/// Indexes the files that appear in a folder: each complete file (see <see cref="SettledFiles"/>) goes through a
/// <see cref="DropFileHandler"/>, one at a time in name order, and is then moved to <c>.done/</c>, or to
/// <c>.failed/</c> when nothing in it was usable; the records that failed are written beside it in
/// <c>&lt;name&gt;.error.txt</c>, one <c>file:line: reason</c> a line. A <see cref="FileSystemWatcher"/> wakes the loop;
/// a listing every <see cref="DropFolderOptions.ScanInterval"/> catches what it misses. Only the folder's own files
/// are read, not its subfolders. Symbolic links are not followed: one dropped moves to <c>.failed/</c> unread, so
/// whoever can write to the folder cannot make the service read other files. A file replaced under the same name
/// while it is read stays in place for a pass of its own (see <see cref="DropFileStamp"/>).
/// </summary>
/// <remarks>Processing is at least once: a file whose handler ran but that could not be moved, or that was stopped
/// half-way, is handled again. <see cref="DropFileIndexer"/> then resumes after the last batch it saved as written
/// (<see cref="DropFileProgress"/>); the watcher removes that record once the file has moved on, and at start the
/// records of files no longer there.</remarks>
public sealed partial class DropFolderWatcher
{
    private const string LinkNotFollowed = "a symbolic link: the drop folder takes regular files only and does not follow links; not opened";
    private const string ErrorSuffix = ".error.txt";
    private const string NameNotUtf8 = "its name is not valid UTF-8, so it can be neither read nor moved; rename it (an Arabic name in Windows-1256: convmv -f cp1256 -t utf-8 --notest <file>)";
    private const string ReplacedWhileRead = "replaced by another file while it was read; the new file stays in the drop folder to be read in turn";

    private readonly DropFolderOptions _options;
    private readonly DropFileHandler _handler;
    private readonly Action<DropFileOutcome>? _onOutcome;
    private readonly ILogger _logger;
    private readonly SettledFiles _settled;
    private readonly Dictionary<string, Retry> _retries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unaddressable = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private bool _listingFailed;
    private readonly Channel<string?> _events = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <param name="onOutcome">Told what became of each file, on the watcher's loop.</param>
    public DropFolderWatcher(DropFolderOptions options, DropFileHandler handler, Action<DropFileOutcome>? onOutcome = null, ILogger<DropFolderWatcher>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _options = options;
        _handler = handler;
        _onOutcome = onOutcome;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _settled = new SettledFiles(options.SettleTime);
    }

    /// <summary>Watches until cancelled. Files already in the folder are handled first.</summary>
    /// <exception cref="OperationCanceledException">Always, once cancelled; a file being handled stays in place.</exception>
    /// <exception cref="IOException">The folder cannot be created or listed.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.Folder);
        RemoveStaleProgress();
        _watcher = StartWatcher();
        try
        {
            await WatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _watcher?.Dispose();
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromTicks(Math.Max(_options.SettleTime.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (_events.Reader.TryRead(out var renamed))
            {
                if (renamed is not null)
                {
                    _settled.MarkRenamedIn(renamed);
                }
            }

            foreach (var gone in _retries.Keys.Where(path => !File.Exists(path)).ToList())
            {
                _retries.Remove(gone);
                ForgetProgress(gone);
            }

            foreach (var path in _settled.Observe(ListOrMakeFolder(), _clock.Elapsed))
            {
                if (!_retries.TryGetValue(path, out var retry) || _clock.Elapsed >= retry.NotBefore)
                {
                    await ProcessAsync(path, cancellationToken).ConfigureAwait(false);
                }
            }

            // Pending files are listed again soon to see them settle; otherwise the watcher (or the scan) wakes us.
            var wait = _settled.Count > 0 ? poll : _options.ScanInterval;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                await _events.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The wait ran out: list the folder again.
            }
        }
    }

    private FileSystemWatcher? StartWatcher()
    {
        try
        {
            var watcher = new FileSystemWatcher(_options.Folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => _events.Writer.TryWrite(null);
            watcher.Changed += (_, _) => _events.Writer.TryWrite(null);
            watcher.Renamed += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Error += (_, e) =>
            {
                LogWatcherError(e.GetException());
                _events.Writer.TryWrite(null);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (IOException ex)
        {
            // Out of inotify watches, say: the periodic listing still finds every file, only later.
            LogWatcherUnavailable(ex, _options.Folder, _options.ScanInterval.TotalSeconds);
            return null;
        }
    }

    /// <summary>The folder's files; none while it cannot be listed. A folder removed or renamed while the service
    /// runs is made again, as at start, and watched anew (a watcher follows the old folder where it went): the listing's
    /// exception used to end the loop, and with it the whole service (a background service that throws stops the host).</summary>
    private List<FileInfo> ListOrMakeFolder()
    {
        try
        {
            try
            {
                var files = List().ToList();
                _listingFailed = false;
                return files;
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(_options.Folder);
                _watcher?.Dispose();
                _watcher = StartWatcher();
                LogFolderMadeAgain(_options.Folder);
                return List().ToList();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_listingFailed)
            {
                _listingFailed = true;
                LogListingFailed(ex, _options.Folder, _options.ScanInterval.TotalSeconds);
            }

            return [];
        }
    }

    private IEnumerable<FileInfo> List() =>
        new DirectoryInfo(_options.Folder).EnumerateFiles()
            .Where(file => !DropFileNames.IsIgnored(file.Name) && Addressable(file) && (file.Attributes & FileAttributes.Hidden) == 0);

    /// <summary>Whether .NET can open the file by its name: one whose name is not UTF-8 (an Arabic name in
    /// Windows-1256, from a zip made on Windows) is listed with U+FFFD in its name, which names no file, so it can be
    /// neither read nor moved. It was passed over without a word; now it is reported once.</summary>
    private bool Addressable(FileInfo file)
    {
        if (!file.Name.Contains('\uFFFD', StringComparison.Ordinal) || file.Exists)
        {
            return true;
        }

        if (_unaddressable.Add(file.FullName))
        {
            _onOutcome?.Invoke(new DropFileOutcome(file.FullName, DropFileState.Failed, null, 0, [new IngestProblem(file.FullName, null, NameNotUtf8)], NameNotUtf8));
        }

        return false;
    }

    private async Task ProcessAsync(string path, CancellationToken cancellationToken)
    {
        // Taken before the handler opens the file: if it differs afterwards, what was read is not what is there.
        var read = DropFileStamp.Of(path);
        if (read is { IsLink: true })
        {
            Finish(path, DropFileState.Failed, new DropFileReport(0, [new IngestProblem(path, null, LinkNotFollowed)]), LinkNotFollowed, read);
            return;
        }

        DropFileReport report;
        try
        {
            report = await _handler(path, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StorageFaultException ex)
        {
            // The index folder cannot be written for now and the store notices by itself when it can: not a try of
            // this file's, which would otherwise be given up on a fault that outlasts its tries.
            var attempts = _retries.TryGetValue(path, out var retry) ? retry.Attempts : 0;
            _retries[path] = new Retry(attempts, _clock.Elapsed + ex.Fault.RetryAfter);
            _onOutcome?.Invoke(new DropFileOutcome(path, DropFileState.WillRetry, null, 0, [], ex.Message));
            LogWaitingForStorage(path, ex.Fault.RetryAfter.TotalSeconds);
            return;
        }
        catch (Exception ex)
        {
            // Not the records' fault (those come back in the report): the index may be unreachable, so try again
            // later, but not forever.
            if (RetryLater(path, ex) is { } attempts)
            {
                LogRetry(ex, path, attempts, _options.MaxAttempts);
                return;
            }

            var error = $"gave up after {_options.MaxAttempts} tries: {ex.Message}";
            Finish(path, DropFileState.Failed, new DropFileReport(0, [new IngestProblem(path, null, error)]), error, read);
            return;
        }

        Finish(path, report.IsBad ? DropFileState.Failed : DropFileState.Done, report, null, read);
    }

    /// <summary>Counts a failed try and, unless it was the last, schedules the next one.</summary>
    /// <returns>The tries so far when another one follows; null after the last.</returns>
    private int? RetryLater(string path, Exception exception)
    {
        var attempts = (_retries.TryGetValue(path, out var retry) ? retry.Attempts : 0) + 1;
        if (attempts >= _options.MaxAttempts)
        {
            return null;
        }

        _retries[path] = new Retry(attempts, _clock.Elapsed + (_options.RetryDelay * attempts));
        _onOutcome?.Invoke(new DropFileOutcome(path, DropFileState.WillRetry, null, 0, [], exception.Message));
        return attempts;
    }

    /// <param name="read">The file as it was before it was handled (<see cref="DropFileStamp.Of"/>).</param>
    private void Finish(string path, DropFileState state, DropFileReport report, string? error, DropFileStamp? read)
    {
        var folder = Path.Combine(_options.Folder, state == DropFileState.Done ? DropFolderOptions.DoneFolderName : DropFolderOptions.FailedFolderName);
        try
        {
            if (DropFileStamp.Of(path) != read)
            {
                Replaced(path, state, report);
                return;
            }

            Directory.CreateDirectory(folder);
            var target = FreeName(folder, Path.GetFileName(path));
            if (report.Problems.Count > 0)
            {
                File.WriteAllLines(target + ErrorSuffix, report.Problems.Select(problem => problem.ToString()));
            }

            File.Move(path, target);
            if (DropFileStamp.Of(target) != read)
            {
                // Replaced between the check and the move: put the new file back, under a free name if another
                // arrived meanwhile, for a pass of its own.
                File.Move(target, FreeName(_options.Folder, Path.GetFileName(path)));
                Replaced(path, state, report);
                return;
            }

            _retries.Remove(path);
            _settled.Forget(path);
            ForgetProgress(path);
            _onOutcome?.Invoke(new DropFileOutcome(path, state, target, report.Indexed, report.Problems, error));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Handled but still in place: handling it again repeats the same keyed writes, so retry the whole file a
            // few times, then leave it alone until the watcher restarts rather than rewrite it every second.
            if (RetryLater(path, ex) is null)
            {
                _retries[path] = new Retry(_options.MaxAttempts, TimeSpan.MaxValue);
                _onOutcome?.Invoke(new DropFileOutcome(path, DropFileState.Failed, null, report.Indexed, report.Problems, $"could not be moved to {folder}: {ex.Message}"));
            }

            LogMoveFailed(ex, path, folder);
        }
    }

    /// <summary>The file handled was replaced under its name: the new one stays in the folder, to be handled when it
    /// has settled (at once if renamed in); only the one read is accounted for, as moved nowhere.</summary>
    private void Replaced(string path, DropFileState state, DropFileReport report)
    {
        _retries.Remove(path);
        _settled.Forget(path);
        ForgetProgress(path);
        _onOutcome?.Invoke(new DropFileOutcome(path, state, null, report.Indexed, report.Problems, ReplacedWhileRead));
        LogReplaced(path, report.Indexed);
    }

    /// <summary>The file has moved on: its progress would only mislead a file dropped later under its name (whose
    /// stamp differs anyway, so a record that cannot be removed is harmless).</summary>
    private void ForgetProgress(string path)
    {
        try
        {
            DropFileProgress.Remove(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogProgressNotRemoved(ex, path);
        }
    }

    private void RemoveStaleProgress()
    {
        try
        {
            foreach (var removed in DropFileProgress.RemoveStale(_options.Folder))
            {
                LogStaleProgressRemoved(removed);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogProgressNotRemoved(ex, _options.Folder);
        }
    }

    /// <summary>The name itself when free, else the name behind a UTC time stamp, so a file dropped twice keeps both;
    /// shortened (<see cref="DropFileNames.Fit"/>) where the stamp or <c>.error.txt</c> would make it too long to
    /// create, which left such a file in the drop folder to be indexed again at every start.</summary>
    private static string FreeName(string folder, string name)
    {
        var target = Path.Combine(folder, DropFileNames.Fit(name, DropFileNames.MaxNameBytes - ErrorSuffix.Length));
        for (var i = 0; File.Exists(target) || File.Exists(target + ErrorSuffix); i++)
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var stamped = i == 0 ? $"{stamp}-{name}" : $"{stamp}-{i}-{name}";
            target = Path.Combine(folder, DropFileNames.Fit(stamped, DropFileNames.MaxNameBytes - ErrorSuffix.Length));
        }

        return target;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Path} failed (try {Attempt} of {MaxAttempts}); it stays in the drop folder for another try")]
    private partial void LogRetry(Exception exception, string path, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Path} waits for the index folder to take writes again; next try in {Seconds:F0} s")]
    private partial void LogWaitingForStorage(string path, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} was replaced while it was read ({Indexed} articles indexed from the file read); the new file stays in the drop folder to be read in turn")]
    private partial void LogReplaced(string path, long indexed);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} was handled but could not be moved to {Folder}")]
    private partial void LogMoveFailed(Exception exception, string path, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot remove the saved progress of {Path}")]
    private partial void LogProgressNotRemoved(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Progress}: the progress of a file no longer in the drop folder, or one left half-written")]
    private partial void LogStaleProgressRemoved(string progress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The drop folder {Folder} was removed or renamed; made it again")]
    private partial void LogFolderMadeAgain(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot list the drop folder {Folder}; trying again every {Seconds} s")]
    private partial void LogListingFailed(Exception exception, string folder, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The drop folder's file system watcher failed; listing the folder instead")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder} for changes; listing it every {Seconds} s instead")]
    private partial void LogWatcherUnavailable(Exception exception, string folder, double seconds);

    private sealed record Retry(int Attempts, TimeSpan NotBefore);
}
