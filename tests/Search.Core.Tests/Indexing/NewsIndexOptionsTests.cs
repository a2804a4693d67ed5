using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Core.Tests.Indexing;

public sealed class NewsIndexOptionsTests
{
    [Fact]
    public void A_bulk_import_flushes_only_at_its_commit_while_its_buffer_holds_everything()
    {
        // A refresh in the background would flush the articles read before the pause as a segment of their own, one
        // more for the final merge to rewrite.
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(NewsIndexOptions.ForBulkImport(temp.File("index")));

        ArticleImporter.Import(index, WithPause(TimeSpan.FromMilliseconds(1_500)), threads: 1);
        index.Refresh();

        var statistics = index.Statistics();
        Assert.Equal(40, statistics.Articles);
        Assert.Equal(1, statistics.Segments);
    }

    [Fact]
    public void A_bulk_import_keeps_no_files_in_memory_and_builds_no_suggestions_ahead()
    {
        var options = NewsIndexOptions.ForBulkImport("/tmp/index");

        Assert.Null(options.MaxRefreshDelay);
        Assert.False(options.Suggestions.BuildAhead);
        Assert.Equal(0, options.ResidentMemoryMb);
        Assert.False(options.CompoundFiles);
    }

    private static IEnumerable<IngestResult> WithPause(TimeSpan pause)
    {
        for (var i = 0; i < 40; i++)
        {
            if (i == 20)
            {
                Thread.Sleep(pause);
            }

            yield return IngestResult.Of(TestCorpus.Article($"a{i}", $"خبر رقم {i} عن الاقتصاد"));
        }
    }
}
