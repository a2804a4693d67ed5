using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Search.Core.Writing;

/// <summary>
/// The embedded service's <see cref="IArticleLog"/>: a write-ahead log in a folder of append-only files, as
/// Elasticsearch's translog with <c>durability: request</c>. One thread writes; appends that arrive while it flushes
/// wait and go to disk together with one <c>fsync</c> (group commit), so concurrent writers share the cost of
/// durability. Files whose changes are all in an index commit are deleted at <see cref="Checkpoint"/>.
/// </summary>
/// <remarks>Thread-safe. A record torn by a crash can only be the last one written and was never acknowledged: opening
/// the log cuts it off. Damage anywhere else is reported, never skipped silently.</remarks>
public sealed class FileArticleLog : IArticleLog
{
    private const string Extension = ".log";

    /// <summary>Recent changes kept in memory, so the index following the log never reads back what was just written.</summary>
    private const int TailCapacity = 16_384;

    private const int MaxBatchBytes = 8 * 1024 * 1024;
    private const int MaxFollowBatch = 2_048;

    private readonly string _folder;
    private readonly long _maxFileBytes;
    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writerLoop;
    private readonly object _lock = new();

    // Guarded by _lock.
    private readonly SortedList<long, string> _files = new();
    private readonly List<LoggedChange> _tail = [];
    private readonly Dictionary<object, long> _readers = new(ReferenceEqualityComparer.Instance);
    private TaskCompletionSource _appended = NewSignal();
    private long _durableSequence;
    private long _checkpointSequence;

    // Owned by the writer loop.
    private FileStream? _current;
    private long _nextSequence;
    private bool _rollRequested;

    // A write that failed and could not be cut off its file: where the file must be cut back to, before anything else
    // is written, and why.
    private (string Path, long Length, Exception Failure)? _cutBackTo;

    private FileArticleLog(string folder, long maxFileBytes, long lastSequence, long checkpointSequence)
    {
        _folder = folder;
        _maxFileBytes = maxFileBytes;
        _durableSequence = lastSequence;
        _nextSequence = lastSequence + 1;
        _checkpointSequence = checkpointSequence;
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Opens the log in <paramref name="folder"/>, creating it when absent, and cuts off a record torn by a crash.
    /// </summary>
    /// <param name="committedSequence">The position the index's last commit holds everything up to: new changes are
    /// numbered after it even when the log files are gone (a restored snapshot, a deleted folder).</param>
    /// <param name="maxFileBytes">Size past which a new file is started, so checkpoints can delete old ones.</param>
    /// <exception cref="InvalidDataException">A log file other than the last is damaged: changes would be lost.</exception>
    public static FileArticleLog Open(string folder, long committedSequence, long maxFileBytes = 64 * 1024 * 1024)
    {
        Directory.CreateDirectory(folder);
        var files = Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(path => (Path: path, First: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : -1))
            .Where(file => file.First > 0)
            .OrderBy(file => file.First)
            .ToList();

        var last = committedSequence;
        for (var i = 0; i < files.Count; i++)
        {
            var isLast = i == files.Count - 1;
            var (end, lastInFile) = Scan(files[i].Path, expectedFirst: files[i].First);
            var length = new FileInfo(files[i].Path).Length;
            if (end < length)
            {
                if (!isLast)
                {
                    throw new InvalidDataException(
                        $"The write-ahead log file {files[i].Path} is damaged at byte {end} of {length}, and later files follow it; the changes after that point cannot be recovered from the log.");
                }

                // A torn last record: it was never acknowledged, since acknowledgement follows the flush.
                using var file = new FileStream(files[i].Path, FileMode.Open, FileAccess.Write, FileShare.None);
                file.SetLength(end);
                file.Flush(flushToDisk: true);
            }

            last = Math.Max(last, lastInFile);
        }

        var log = new FileArticleLog(folder, maxFileBytes, last, committedSequence);
        lock (log._lock)
        {
            foreach (var (path, first) in files)
            {
                log._files[first] = path;
            }
        }

        log.Checkpoint(committedSequence);
        return log;
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(changes));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(changes);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(FileArticleLog));
        }

        // Not cancellable once queued: the change may already be on disk, and an acknowledged-or-not answer must match.
        return new AppendResult(await pending.Completion.Task.ConfigureAwait(false));
    }

    public async IAsyncEnumerable<IReadOnlyList<LoggedChange>> FollowAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new object();
        var position = afterSequence;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task signal;
                List<LoggedChange>? batch = null;
                long durable;
                lock (_lock)
                {
                    _readers[reader] = position;
                    signal = _appended.Task;
                    durable = _durableSequence;
                    if (position < durable && _tail.Count > 0 && _tail[0].Sequence <= position + 1)
                    {
                        var start = (int)(position + 1 - _tail[0].Sequence);
                        batch = _tail.GetRange(start, Math.Min(_tail.Count - start, MaxFollowBatch));
                    }
                }

                if (batch is null && position < durable)
                {
                    batch = ReadFromFiles(position, durable);
                }

                if (batch is { Count: > 0 })
                {
                    position = batch[^1].Sequence;
                    yield return batch;
                    continue;
                }

                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_lock)
            {
                _readers.Remove(reader);
            }
        }
    }

    public void Checkpoint(long sequence)
    {
        List<string> obsolete = [];
        lock (_lock)
        {
            _checkpointSequence = Math.Max(_checkpointSequence, sequence);

            // Changes a reader has not reached yet stay, whatever the commit holds.
            var keepAfter = _readers.Count == 0 ? _checkpointSequence : Math.Min(_checkpointSequence, _readers.Values.Min());
            var firsts = _files.Keys.ToList();
            for (var i = 0; i < firsts.Count - 1 && firsts[i + 1] <= keepAfter + 1; i++)
            {
                obsolete.Add(_files[firsts[i]]);
                _files.Remove(firsts[i]);
            }

            if (firsts.Count > 0 && _durableSequence <= keepAfter && _durableSequence >= firsts[^1])
            {
                // The file being written holds only committed changes: start a new one, so this one can go next time.
                _rollRequested = true;
            }
        }

        foreach (var path in obsolete)
        {
            File.Delete(path);
        }
    }

    public ArticleLogStatistics Statistics()
    {
        lock (_lock)
        {
            long bytes = 0;
            foreach (var path in _files.Values)
            {
                bytes += new FileInfo(path) is { Exists: true } info ? info.Length : 0;
            }

            return new ArticleLogStatistics(_durableSequence, _checkpointSequence, _files.Count, bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writerLoop.ConfigureAwait(false);
        _current?.Dispose();
        _current = null;
        lock (_lock)
        {
            _appended.TrySetCanceled();
        }
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        var batch = new List<PendingAppend>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            buffer.ResetWrittenCount();
            var first = _nextSequence;
            var sequence = first;
            while (buffer.WrittenCount < MaxBatchBytes && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                pending.First = sequence;
                foreach (var change in pending.Changes)
                {
                    LogRecordFormat.Write(buffer, sequence++, change);
                }
            }

            try
            {
                if (_cutBackTo is { Failure: var failure } && !TryCutBack())
                {
                    throw new IOException("The write-ahead log could not cut off a write that failed, and accepts no more until it can; it tries again at each write.", failure);
                }

                WriteDurably(first, buffer.WrittenMemory);
            }
            catch (Exception ex)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(ex as IOException ?? new IOException("The write-ahead log could not write the changes.", ex));
                }

                continue;
            }

            _nextSequence = sequence;
            Publish(batch, sequence - 1);
        }
    }

    /// <summary>Writes one batch and flushes it to disk; on failure, cuts the file back to where it was.</summary>
    private void WriteDurably(long first, ReadOnlyMemory<byte> records)
    {
        if (_current is null || _rollRequested || _current.Length >= _maxFileBytes)
        {
            StartFile(first);
        }

        var file = _current!;
        var before = file.Length;
        try
        {
            file.Write(records.Span);
            file.Flush(flushToDisk: true);
        }
        catch (Exception ex)
        {
            try
            {
                file.SetLength(before);
                file.Position = before;
                file.Flush(flushToDisk: true);
            }
            catch (Exception truncateFailure)
            {
                // The file may now end in a partial batch that later appends would follow: refuse further writes
                // until it is cut back (TryCutBack).
                _cutBackTo = (file.Name, before, new AggregateException(ex, truncateFailure));
            }

            throw;
        }
    }

    /// <summary>
    /// Cuts the file a failed write was left in back to where that write began, through a new handle (the storage may
    /// work again: a disk with room, a folder writable again); the next batch starts a new file.
    /// </summary>
    /// <returns>Whether the log is whole again and takes writes.</returns>
    private bool TryCutBack()
    {
        var (path, length, _) = _cutBackTo!.Value;
        try
        {
            _current?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing is buffered (no buffer): closing cannot lose a write, only fail to report one.
        }

        _current = null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete);
            file.SetLength(length);
            file.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        _cutBackTo = null;
        return true;
    }

    private void StartFile(long first)
    {
        _current?.Dispose();
        _current = null;
        _rollRequested = false;
        var path = Path.Combine(_folder, first.ToString("D19", CultureInfo.InvariantCulture) + Extension);
        _current = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        FolderSync.Flush(_folder);
        lock (_lock)
        {
            _files[first] = path;
        }
    }

    private void Publish(List<PendingAppend> batch, long last)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            foreach (var pending in batch)
            {
                for (var i = 0; i < pending.Changes.Count; i++)
                {
                    _tail.Add(new LoggedChange(pending.First + i, pending.Changes[i]));
                }
            }

            if (_tail.Count > 2 * TailCapacity)
            {
                _tail.RemoveRange(0, _tail.Count - TailCapacity);
            }

            _durableSequence = last;
            signal = _appended;
            _appended = NewSignal();
        }

        signal.TrySetResult();
        foreach (var pending in batch)
        {
            pending.Completion.TrySetResult(new SequenceRange(pending.First, pending.First + pending.Changes.Count - 1));
        }
    }

    /// <summary>Changes after <paramref name="position"/> up to <paramref name="durable"/>, read back from the files.</summary>
    private List<LoggedChange> ReadFromFiles(long position, long durable)
    {
        List<string> paths;
        lock (_lock)
        {
            var firsts = _files.Keys.ToList();
            paths = [.. firsts.Where((first, i) => i == firsts.Count - 1 || firsts[i + 1] > position + 1).Select(first => _files[first])];
        }

        var batch = new List<LoggedChange>();
        foreach (var path in paths)
        {
            byte[] data;
            try
            {
                data = ReadShared(path);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            var offset = 0;
            while (batch.Count < MaxFollowBatch)
            {
                var size = LogRecordFormat.TryRead(data.AsSpan(offset), out var change);
                if (size == 0 || change.Sequence > durable)
                {
                    break;
                }

                offset += size;
                if (change.Sequence > position)
                {
                    batch.Add(change);
                }
            }

            if (batch.Count >= MaxFollowBatch)
            {
                break;
            }
        }

        if (batch.Count > 0 && batch[0].Sequence != position + 1)
        {
            throw new InvalidDataException($"The write-ahead log in {_folder} no longer holds change {position + 1}; it starts at {batch[0].Sequence}.");
        }

        return batch;
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Where the intact records of a file end, and the last sequence among them.</summary>
    private static (long End, long LastSequence) Scan(string path, long expectedFirst)
    {
        var data = ReadShared(path);
        var offset = 0;
        var last = 0L;
        var expected = expectedFirst;
        while (true)
        {
            int size;
            LoggedChange change;
            try
            {
                size = LogRecordFormat.TryRead(data.AsSpan(offset), out change);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
            {
                // Checksummed but unreadable: written by another version or damaged in a way the checksum missed.
                throw new InvalidDataException($"The write-ahead log file {path} holds an unreadable record at byte {offset}.", ex);
            }

            if (size == 0 || change.Sequence != expected)
            {
                return (offset, last);
            }

            offset += size;
            last = change.Sequence;
            expected++;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class PendingAppend(IReadOnlyList<ArticleChange> changes)
    {
        public IReadOnlyList<ArticleChange> Changes { get; } = changes;

        public TaskCompletionSource<SequenceRange> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long First { get; set; }
    }
}
