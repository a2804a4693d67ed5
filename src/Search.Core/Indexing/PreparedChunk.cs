using System.Runtime.ExceptionServices;

namespace Search.Core.Indexing;

/// <summary>
/// Prepares a chunk of items on a thread-pool thread while its caller works on the chunk before it: the overlap of
/// <see cref="ReadAhead{T}"/> for a long-lived writer, which cannot start a thread of its own for every batch (each
/// new thread would leave the analyzer one more set of per-thread token streams). When no pool thread has taken the
/// chunk up by the time the caller needs it (a pool busy with requests), the caller prepares it itself: a busy pool
/// costs the overlap, never progress.
/// </summary>
internal sealed class PreparedChunk<T>
{
    private readonly Func<int, T> _prepare;
    private readonly int _start;
    private readonly T[] _items;
    private readonly object _gate = new();
    private bool _done;
    private int _claimed;
    private ExceptionDispatchInfo? _failure;

    private PreparedChunk(Func<int, T> prepare, int start, int count)
    {
        _prepare = prepare;
        _start = start;
        _items = new T[count];
    }

    /// <summary>Queues the preparation of items [<paramref name="start"/>, <paramref name="start"/> +
    /// <paramref name="count"/>), each made by <paramref name="prepare"/> from its index.</summary>
    public static PreparedChunk<T> Start(Func<int, T> prepare, int start, int count)
    {
        var chunk = new PreparedChunk<T>(prepare, start, count);

        // The global queue, not the caller's local one: the caller is itself a pool thread and is about to be busy.
        ThreadPool.UnsafeQueueUserWorkItem(static c => c.Run(), chunk, preferLocal: false);
        return chunk;
    }

    /// <summary>The prepared items, once all are made: made here when no pool thread has started on them.</summary>
    /// <exception cref="Exception">What preparing an item threw.</exception>
    public T[] Take()
    {
        Run();
        lock (_gate)
        {
            while (!_done)
            {
                Monitor.Wait(_gate);
            }
        }

        _failure?.Throw();
        return _items;
    }

    private void Run()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        try
        {
            for (var i = 0; i < _items.Length; i++)
            {
                _items[i] = _prepare(_start + i);
            }
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            lock (_gate)
            {
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
