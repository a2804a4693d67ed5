using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class PreparedChunkTests
{
    [Fact]
    public void Each_item_is_prepared_once_in_order_whether_the_pool_or_the_caller_gets_to_it_first()
    {
        // Taken at once and taken late, so that both the caller and the pool thread prepare some chunks.
        var calls = new int[200 * 16];
        for (var chunk = 0; chunk < 200; chunk++)
        {
            var start = chunk * 16;
            var prepared = PreparedChunk<int>.Start(i => Interlocked.Increment(ref calls[i]) == 1 ? i * 10 : -1, start, 16);
            if (chunk % 2 == 1)
            {
                Thread.Sleep(1);
            }

            Assert.Equal(Enumerable.Range(start, 16).Select(i => i * 10), prepared.Take());
        }

        Assert.All(calls, count => Assert.Equal(1, count));
    }

    [Fact]
    public void What_preparing_an_item_threw_reaches_the_caller()
    {
        var prepared = PreparedChunk<string>.Start(i => i == 3 ? throw new InvalidDataException("item 3") : i.ToString(), 0, 5);

        var thrown = Assert.Throws<InvalidDataException>(prepared.Take);
        Assert.Equal("item 3", thrown.Message);
    }
}
