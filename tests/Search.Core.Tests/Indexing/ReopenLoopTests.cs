using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>The background refresh outlives any failure of a refresh: an exception leaving its thread would end the process.</summary>
public sealed class ReopenLoopTests
{
    [Fact]
    public async Task A_refresh_that_fails_unexpectedly_is_kept_as_the_last_failure_and_the_next_one_goes_through()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)));
        var tracking = new TrackingIndexWriter(writer);
        var calls = 0;
        using var loop = new ReopenLoop(
            tracking,
            () =>
            {
                if (Interlocked.Increment(ref calls) <= 2)
                {
                    throw new InvalidOperationException("the reader was swapped meanwhile");
                }
            },
            TimeSpan.FromMilliseconds(20));

        var generation = tracking.AddDocument(new Document { new StringField("id", "a", Field.Store.YES) });
        await Task.Run(() => loop.WaitForGeneration(generation)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(Volatile.Read(ref calls) >= 3);
        Assert.Null(loop.LastFailure);
    }
}
