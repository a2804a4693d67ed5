using System.Runtime.ExceptionServices;

namespace Search.Core.Indexing;

/// <summary>
/// Runs a sequence on a thread of its own, at most twice <c>capacity</c> items ahead of the one consumer of
/// <see cref="Items"/> (<c>capacity</c> waiting, as many taken), and, when the items are weighed, at most about twice
/// <c>maxWeight</c>: reading, parsing and mapping articles then overlap their indexing instead of taking turns with
/// it. The sequence's exception reaches the consumer once it has taken every item made before it.
/// </summary>
/// <remarks>
/// The consumer takes every waiting item at once, and a full producer sleeps until the consumer has taken them, so the
/// threads wake each other about once per <c>capacity</c> items while the source is ahead. A
/// <c>BlockingCollection</c> woke the producer for every item it took: on 2 cores its spinning on each handover cost
/// 1.4 s of CPU in a 15 s import of the shared articles (perf), CPU the flushes and merges needed.
/// </remarks>
internal sealed class ReadAhead<T> : IDisposable
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly Func<T, long>? _weigh;
    private readonly long _maxWeight;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _cancelled;
    private readonly Thread _producer;
    private Queue<T> _waiting;
    private Queue<T> _taken;
    private long _waitingWeight;
    private bool _completed;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <param name="weigh">An item's weight (an article's characters), when items may be far larger than usual.</param>
    /// <param name="maxWeight">The weight waiting at most: the producer waits once the items waiting reach it, so that
    /// <c>capacity</c> huge items never wait at once. The consumer's taken items, swapped in at once, weigh as much at most
    /// (plus one item).</param>
    public ReadAhead(IEnumerable<T> source, int capacity, CancellationToken cancellationToken, Func<T, long>? weigh = null, long maxWeight = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _capacity = capacity;
        _weigh = weigh;
        _maxWeight = maxWeight;
        _cancellation = cancellationToken;
        _waiting = new Queue<T>(capacity);
        _taken = new Queue<T>(capacity);
        _cancelled = cancellationToken.Register(Stop);
        _producer = new Thread(() => Produce(source)) { IsBackground = true, Name = "read-ahead" };
        _producer.Start();
    }

    /// <summary>The items in order; ends when the sequence does, or throws what it threw.</summary>
    /// <exception cref="OperationCanceledException">The token given at construction was cancelled.</exception>
    public IEnumerable<T> Items
    {
        get
        {
            while (TakeWaiting())
            {
                while (_taken.TryDequeue(out var item))
                {
                    _cancellation.ThrowIfCancellationRequested();
                    yield return item;
                }
            }

            _failure?.Throw();
        }
    }

    /// <summary>Stops the producer (a consumer that gave up leaves it blocked otherwise) and waits for it.</summary>
    public void Dispose()
    {
        Stop();
        _producer.Join();
        _cancelled.Dispose();
    }

    /// <summary>Swaps every waiting item into <see cref="_taken"/>; false once the sequence has ended and all are taken.</summary>
    private bool TakeWaiting()
    {
        lock (_gate)
        {
            while (_waiting.Count == 0 && !_completed && !_stopped)
            {
                Monitor.Wait(_gate);
            }

            _cancellation.ThrowIfCancellationRequested();
            if (_waiting.Count == 0)
            {
                return false;
            }

            (_waiting, _taken) = (_taken, _waiting);
            _waitingWeight = 0;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Produce(IEnumerable<T> source)
    {
        try
        {
            foreach (var item in source)
            {
                lock (_gate)
                {
                    while ((_waiting.Count >= _capacity || _waitingWeight >= _maxWeight) && !_stopped)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_stopped)
                    {
                        return;
                    }

                    _waiting.Enqueue(item);
                    _waitingWeight += _weigh?.Invoke(item) ?? 0;
                    if (_waiting.Count == 1)
                    {
                        // The consumer may be asleep on an empty queue.
                        Monitor.PulseAll(_gate);
                    }
                }
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
                _completed = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
