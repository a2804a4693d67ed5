using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;

namespace Search.Api.Tests;

/// <summary>A service started on an index analyzed by another version of the analysis chain rebuilds it from the
/// articles it stores, in the background, and answers searches meanwhile.</summary>
public sealed class AnalysisUpgradeTests
{
    [Fact]
    public async Task An_index_of_another_analysis_is_rebuilt_at_start_and_keeps_its_articles()
    {
        await using var app = SearchApiFactory.WithoutSampleData();
        using (var index = NewsIndex.Open(new NewsIndexOptions(app.IndexPath)))
        {
            index.Upsert(new NewsArticle { Id = "stale-1", Title = "الحكومة تعلن خطة جديدة للنقل العام", Body = "أعلنت الحكومة اليوم خطة للنقل العام." }, version: 1);
            index.Commit(sequence: 0);
        }

        RecordAnalysis(app.IndexPath, "1");
        using var client = app.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (CommittedAnalysis(app.IndexPath) != ArabicNewsAnalyzer.Version)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the index still records analysis {CommittedAnalysis(app.IndexPath)}");
            await Task.Delay(50);
        }

        var results = await client.SearchOkAsync("الحكومة");
        Assert.Equal(["stale-1"], results.Ids);
    }

    private static string? CommittedAnalysis(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        var commit = DirectoryReader.ListCommits(directory).Last();
        return commit.UserData.TryGetValue("analysis", out var analysis) ? analysis : null;
    }

    private static void RecordAnalysis(string folder, string analysis)
    {
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string>(writer.CommitData) { ["analysis"] = analysis });
        writer.Commit();
    }
}
