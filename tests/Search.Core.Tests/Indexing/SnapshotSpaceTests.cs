using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>A snapshot is taken only when its disk keeps as much free again as the index takes.</summary>
public sealed class SnapshotSpaceTests
{
    [Theory]
    [InlineData(100, 200, true)]
    [InlineData(100, 1_000, true)]
    [InlineData(100, 199, false)]
    [InlineData(100, 0, false)]
    [InlineData(0, 0, true)]
    [InlineData(40L * 1024 * 1024 * 1024, 80L * 1024 * 1024 * 1024, true)]
    public void A_snapshot_fits_when_its_copy_and_as_much_again_are_free(long indexBytes, long freeBytes, bool fits)
    {
        Assert.Equal(fits, SnapshotSpaceException.Fits(indexBytes, freeBytes));
    }

    [Fact]
    public void The_refusal_says_what_is_needed_and_what_is_free_in_megabytes()
    {
        var refusal = new SnapshotSpaceException(190L * 1024 * 1024, 250L * 1024 * 1024);

        Assert.Contains("190 MB", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("250 MB are free", refusal.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(refusal);
    }
}
