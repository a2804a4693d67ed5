using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class FailSafeMergeSchedulerTests
{
    [Fact]
    public void A_merge_that_fails_is_counted_and_the_writer_keeps_every_document()
    {
        using var directory = new MergeFailingDirectory();
        var failures = 0;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergeScheduler = new FailSafeMergeScheduler(_ => Interlocked.Increment(ref failures)),
            MergePolicy = new LogDocMergePolicy { MergeFactor = 2 },
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < 6; i++)
            {
                writer.AddDocument(new Document { new StringField("id", $"d{i}", Field.Store.YES) });
                writer.Commit();
            }

            writer.WaitForMerges();
            writer.AddDocument(new Document { new StringField("id", "after", Field.Store.YES) });
            writer.Commit();
        }

        Assert.True(failures > 0, "no merge was tried");
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(7, reader.NumDocs);
        Assert.True(reader.Leaves.Count > 1, "a merge went through although every merge output fails");
    }

    /// <summary>Refuses to create any file for a merge, as a full disk would.</summary>
    private sealed class MergeFailingDirectory : RAMDirectory
    {
        public override IndexOutput CreateOutput(string name, IOContext context) =>
            context.Context == IOContext.UsageContext.MERGE ? throw new IOException("No space left on device") : base.CreateOutput(name, context);
    }
}
