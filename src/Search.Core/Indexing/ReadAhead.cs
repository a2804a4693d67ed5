using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Search.Core.Indexing;

/// <summary>
/// Runs a sequence on a thread of its own, at most <c>capacity</c> items ahead of the one consumer of
/// <see cref="Items"/>: reading, parsing and mapping articles then overlap their indexing instead of taking turns with
/// it. The sequence's exception reaches the consumer once it has taken every item made before it.
/// </summary>
internal sealed class ReadAhead<T> : IDisposable
{
    private readonly BlockingCollection<T> _items;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private readonly CancellationToken _cancellation;
    private ExceptionDispatchInfo? _failure;

    public ReadAhead(IEnumerable<T> source, int capacity, CancellationToken cancellationToken)
    {
        _cancellation = cancellationToken;
        _items = new BlockingCollection<T>(capacity);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Factory.StartNew(() => Produce(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The items in order; ends when the sequence does, or throws what it threw.</summary>
    /// <exception cref="OperationCanceledException">The token given at construction was cancelled.</exception>
    public IEnumerable<T> Items
    {
        get
        {
            foreach (var item in _items.GetConsumingEnumerable(_stop.Token))
            {
                yield return item;
            }

            // The producer may have stopped for a cancellation before the consumer first looked.
            _cancellation.ThrowIfCancellationRequested();
            _producer.Wait();
            _failure?.Throw();
        }
    }

    /// <summary>Stops the producer (a consumer that gave up leaves it blocked otherwise) and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _producer.Wait();
        _stop.Dispose();
        _items.Dispose();
    }

    private void Produce(IEnumerable<T> source)
    {
        try
        {
            foreach (var item in source)
            {
                _items.Add(item, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer stopped or the caller cancelled: the consumer sees it through its own token.
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _items.CompleteAdding();
        }
    }
}
