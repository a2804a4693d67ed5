using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.Tests.Indexing;

/// <summary>An index records the analysis chain's version it was built with, so one built with another is known to
/// need a rebuild, and a rebuild from its own articles brings it to the current one.</summary>
public sealed class AnalysisVersionTests
{
    [Fact]
    public void An_index_begun_empty_records_the_current_analysis_through_its_commits()
    {
        using var temp = new TempDirectory();
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index"))))
        {
            index.Upsert(TestCorpus.Article("one", "خبر أول"), version: 1);
            index.Commit(sequence: 1);
        }

        using var reopened = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));

        Assert.Equal(ArabicNewsAnalyzer.Version, reopened.Analysis);
        Assert.True(reopened.AnalysisIsCurrent);
        Assert.Equal(ArabicNewsAnalyzer.Version, CommittedAnalysis(temp.File("index")));
    }

    [Fact]
    public void An_index_the_offline_indexer_built_records_the_current_analysis()
    {
        // The indexer's import commits without a log position; the service opening its index must not rebuild it.
        using var temp = new TempDirectory();
        using (var index = NewsIndex.Open(NewsIndexOptions.ForBulkImport(temp.File("index"))))
        {
            ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("one", "خبر أول"))]);
            index.Optimize();
        }

        using var reopened = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));

        Assert.True(reopened.AnalysisIsCurrent);
        Assert.Equal(ArabicNewsAnalyzer.Version, CommittedAnalysis(temp.File("index")));
        Assert.Equal(0, reopened.CommittedSequence);
    }

    [Theory]
    [InlineData(null)] // committed before indexes recorded it
    [InlineData("1")]
    public async Task An_index_of_another_analysis_stays_so_through_writes_and_is_current_after_a_rebuild(string? stale)
    {
        using var temp = new TempDirectory();
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index"))))
        {
            index.Upsert(TestCorpus.Article("old", "خبر قديم عن الحكومة"), version: 1);
            index.Commit(sequence: 0);
        }

        RecordAnalysis(temp.File("index"), stale);
        using var reopened = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var store = ArticleStore.OpenLocal(reopened, temp.File("log"));

        // A write adds a current document to a stale index: the index as a whole is not current.
        await store.WriteAsync([ArticleChange.Upsert(TestCorpus.Article("new", "خبر جديد"))], WriteVisibility.WaitForSearch);
        store.Snapshot(temp.File("snapshot")); // commits what is applied first
        Assert.Equal(stale, reopened.Analysis);
        Assert.False(reopened.AnalysisIsCurrent);
        Assert.Equal(stale, CommittedAnalysis(temp.File("index")));

        await store.ReindexAsync(null, temp.File("reindex"));

        Assert.True(reopened.AnalysisIsCurrent);
        Assert.Equal(ArabicNewsAnalyzer.Version, CommittedAnalysis(temp.File("index")));
        Assert.NotNull(reopened.Find("old"));
        Assert.NotNull(reopened.Find("new"));
    }

    private static string? CommittedAnalysis(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        var commit = DirectoryReader.ListCommits(directory).Last();
        return commit.UserData.TryGetValue("analysis", out var analysis) ? analysis : null;
    }

    /// <summary>Rewrites the last commit's record of the analysis, as an index of another version would hold it.</summary>
    private static void RecordAnalysis(string folder, string? analysis)
    {
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { OpenMode = OpenMode.APPEND });
        var data = new Dictionary<string, string>(writer.CommitData);
        data.Remove("analysis");
        if (analysis is not null)
        {
            data["analysis"] = analysis;
        }

        writer.SetCommitData(data);
        writer.Commit();
    }
}
