using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class NewsIndexOptionsTests
{
    [Fact]
    public void A_bulk_import_on_one_thread_flushes_by_refreshing_and_on_more_does_not()
    {
        var one = NewsIndexOptions.ForBulkImport("/tmp/index", threads: 1);
        var two = NewsIndexOptions.ForBulkImport("/tmp/index", threads: 2);

        Assert.Equal(TimeSpan.FromSeconds(1), one.MaxRefreshDelay);
        Assert.Null(two.MaxRefreshDelay);
        Assert.All([one, two], options =>
        {
            Assert.False(options.Suggestions.BuildAhead);
            Assert.Equal(0, options.ResidentMemoryMb);
            Assert.Equal(256, options.RamBufferMb);
            Assert.False(options.CompoundFiles);
        });
    }
}
