using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>The read-ahead stage of an import hands over every item in order, then the source's failure, and never hangs.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Items_arrive_in_order_however_far_the_source_runs_ahead()
    {
        using var ahead = new ReadAhead<int>(Enumerable.Range(0, 10_000), capacity: 8, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10_000), ahead.Items);
    }

    [Fact]
    public async Task Heavy_items_wait_by_weight_not_by_count()
    {
        // Ten items of weight 10 against a budget of 25: three wait, the fourth is made and held until they are taken.
        var made = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 10; i++)
            {
                Interlocked.Increment(ref made);
                yield return i;
            }
        }

        using var ahead = new ReadAhead<int>(Source(), capacity: 100, CancellationToken.None, weigh: _ => 10, maxWeight: 25);
        await Task.Delay(300);
        Assert.Equal(4, Volatile.Read(ref made));

        Assert.Equal(Enumerable.Range(0, 10), ahead.Items);
    }

    [Fact]
    public async Task An_item_reaches_the_consumer_while_a_slow_source_is_still_making_the_next()
    {
        // A feed read as it arrives: the consumer must not wait for a batch to fill.
        using var seen = new SemaphoreSlim(0);
        using var ahead = new ReadAhead<int>(WaitsForConsumer(seen, 3), capacity: 64, CancellationToken.None);

        var items = await Task.Run(() =>
        {
            var taken = new List<int>();
            foreach (var item in ahead.Items)
            {
                taken.Add(item);
                seen.Release();
            }

            return taken;
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([0, 1, 2], items);
    }

    [Fact]
    public void The_source_s_failure_comes_after_the_items_made_before_it()
    {
        using var ahead = new ReadAhead<int>(FailsAfter(5), capacity: 2, CancellationToken.None);
        var seen = new List<int>();

        var failure = Assert.Throws<IOException>(() =>
        {
            foreach (var item in ahead.Items)
            {
                seen.Add(item);
            }
        });

        Assert.Equal("disk gone", failure.Message);
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_does_not_leave_the_source_blocked()
    {
        var ahead = new ReadAhead<int>(Enumerable.Range(0, 1_000_000), capacity: 4, CancellationToken.None);
        Assert.Equal(3, ahead.Items.Take(3).Count());

        await Task.Run(ahead.Dispose).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Cancelling_ends_the_items_with_an_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        using var ahead = new ReadAhead<int>(Endless(), capacity: 4, cancellation.Token);

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var item in ahead.Items)
            {
                if (item == 100)
                {
                    cancellation.Cancel();
                }
            }
        });
    }

    private static IEnumerable<int> FailsAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new IOException("disk gone");
    }

    private static IEnumerable<int> WaitsForConsumer(SemaphoreSlim seen, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
            if (!seen.Wait(TimeSpan.FromSeconds(5)))
            {
                throw new TimeoutException($"item {i} was not handed over");
            }
        }
    }

    private static IEnumerable<int> Endless()
    {
        for (var i = 0; ; i++)
        {
            yield return i;
        }
    }
}
