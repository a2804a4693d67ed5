using System.Diagnostics.Metrics;
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

    [Fact]
    public void A_news_index_whose_merges_fail_counts_them_on_its_meter_and_keeps_every_article()
    {
        using var directory = new MergeFailingDirectory();
        using var index = NewsIndex.InDirectory(directory, new NewsIndexOptions("(memory)") { MaxRefreshDelay = null });
        long failures = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == index.Metrics.Meter && instrument.Name == "search.index.merge.failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failures, value));
        listener.Start();

        for (var i = 0; i < 4; i++)
        {
            index.Upsert(TestCorpus.Article($"a{i}", $"خبر رقم {i}"));
            index.Commit();
        }

        Assert.ThrowsAny<IOException>(() => index.Optimize());

        // The merge thread counts its failure after the writer has heard of it, so Optimize may throw first.
        Assert.True(SpinWait.SpinUntil(() => Interlocked.Read(ref failures) > 0, TimeSpan.FromSeconds(10)), "no failed merge was counted");
        Assert.Equal(4, index.Count);
    }

    /// <summary>Refuses to create any file for a merge, as a full disk would.</summary>
    private sealed class MergeFailingDirectory : RAMDirectory
    {
        public override IndexOutput CreateOutput(string name, IOContext context) =>
            context.Context == IOContext.UsageContext.MERGE ? throw new IOException("No space left on device") : base.CreateOutput(name, context);
    }
}
