using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class ImportWarmUpTests
{
    [Fact]
    public void The_warm_up_imports_and_commits_each_of_its_articles()
    {
        // Every one skipped (a field it lacks, say) would leave the flush's code uncompiled without a word.
        Assert.Equal(2, ImportWarmUp.Run());
    }
}
