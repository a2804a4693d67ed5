using System.Text;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Querying;

namespace Search.Core.Tests.Indexing;

public sealed class PersistenceTests
{
    private static NewsIndex Open(TempDirectory temp) => NewsIndex.Open(new NewsIndexOptions(temp.File("index")));

    [Fact]
    public void A_committed_article_survives_reopening()
    {
        using var temp = new TempDirectory();
        Assert.False(NewsIndex.ExistsAt(temp.File("index")));
        using (var index = Open(temp))
        {
            index.Upsert(TestCorpus.Article("saved", "افتتاح متحف الفن الحديث", "يضم المتحف أعمالا لفنانين عرب."));
            index.Commit();
        }

        Assert.True(NewsIndex.ExistsAt(temp.File("index")));
        using var reopened = Open(temp);
        Assert.Equal(1, reopened.Count);
        Assert.Equal("افتتاح متحف الفن الحديث", reopened.Find("saved")?.Title);
        Assert.Equal("saved", Assert.Single(reopened.Search(new SearchRequest("المتحف")).Hits).Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Segments_are_packed_into_compound_files_only_when_asked(bool compoundFiles)
    {
        using var temp = new TempDirectory();
        using (var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { CompoundFiles = compoundFiles }))
        {
            index.Upsert(TestCorpus.Article("first", "افتتاح متحف الفن الحديث"));
            index.Commit();
            index.Upsert(TestCorpus.Article("second", "معرض للكتاب في العاصمة"));
            index.Commit();
        }

        var files = Directory.GetFiles(temp.File("index")).Select(Path.GetFileName).ToList();
        Assert.Equal(compoundFiles, files.Any(file => file!.EndsWith(".cfs", StringComparison.Ordinal)));
        using var reopened = Open(temp);
        Assert.Equal(2, reopened.Count);
        Assert.Equal("second", Assert.Single(reopened.Search(new SearchRequest("الكتاب")).Hits).Id);
    }

    [Fact]
    public void Without_background_refresh_writes_are_seen_at_commit_or_when_waited_for()
    {
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")) { MaxRefreshDelay = null });

        index.Upsert(TestCorpus.Article("first", "افتتاح متحف الفن الحديث"));
        Thread.Sleep(1500); // longer than the service's default refresh delay: nothing refreshes here
        Assert.Equal(0, index.Count);
        index.Commit();
        Assert.Equal(1, index.Count);

        var generation = index.Upsert(TestCorpus.Article("second", "معرض للكتاب في العاصمة"));
        index.WaitFor(generation);
        Assert.Equal("second", Assert.Single(index.Search(new SearchRequest("الكتاب")).Hits).Id);
    }

    [Fact]
    public void Import_counts_indexed_and_skipped_records_and_reports_each_problem()
    {
        const string lines = """
            {"id": "g1", "title": "ارتفاع صادرات التمور"}
            {"id": "b1"}
            not json
            {"id": "g2", "title": "افتتاح سوق للحرف اليدوية", "publishedAt": "2025-01-02T10:00:00Z"}

            {"id": "g3", "title": "انطلاق ماراثون المدينة", "date": "غدا"}
            {"id": "g4", "title": "تخريج دفعة من الأطباء", "tags": ["صحة"]}
            """;
        var records = JsonLinesArticleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "mix.jsonl");
        var problems = new List<IngestProblem>();
        using var index = NewsIndex.InMemory();

        var progress = ArticleImporter.Import(index, records, problems.Add);

        Assert.Equal((3L, 3L), (progress.Indexed, progress.Skipped));
        Assert.Equal([2, 3, 6], problems.Select(problem => problem.Line));
        Assert.All(problems, problem => Assert.Equal("mix.jsonl", problem.File));
        index.Refresh();
        Assert.Equal(3, index.Count);
        Assert.NotNull(index.Find("g4"));
        Assert.Null(index.Find("g3"));
        Assert.Equal("ارتفاع صادرات التمور".Length + "افتتاح سوق للحرف اليدوية".Length + "تخريج دفعة من الأطباء".Length, progress.TextChars);
    }

    [Fact]
    public void Import_commits_so_a_reopened_index_has_the_articles()
    {
        using var temp = new TempDirectory();
        using (var index = Open(temp))
        {
            ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("a", "خبر أول")), IngestResult.Of(TestCorpus.Article("b", "خبر ثان"))]);
        }

        using var reopened = Open(temp);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void An_import_that_fails_midway_leaves_the_committed_articles_intact()
    {
        using var temp = new TempDirectory();
        using (var index = Open(temp))
        {
            ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("a", "خبر أول")), IngestResult.Of(TestCorpus.Article("b", "خبر ثان"))]);
            Assert.Throws<IOException>(() => ArticleImporter.Import(index, FailingRecords()));
        }

        using var reopened = Open(temp);
        Assert.NotNull(reopened.Find("a"));
        Assert.NotNull(reopened.Find("b"));

        // The article read before the failure was whole; if it was kept, it is kept whole.
        var partial = reopened.Find("c");
        Assert.True(partial is null || partial.Title == "خبر ثالث");
    }

    [Fact]
    public void A_cancelled_import_stops_and_leaves_the_committed_articles_intact()
    {
        using var temp = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        using (var index = Open(temp))
        {
            ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("a", "خبر أول"))]);
            cancellation.Cancel();
            Assert.Throws<OperationCanceledException>(() =>
                ArticleImporter.Import(index, [IngestResult.Of(TestCorpus.Article("z", "خبر ملغى"))], cancellationToken: cancellation.Token));
        }

        using var reopened = Open(temp);
        Assert.NotNull(reopened.Find("a"));
        Assert.Null(reopened.Find("z"));
    }

    private static IEnumerable<IngestResult> FailingRecords()
    {
        yield return IngestResult.Of(TestCorpus.Article("c", "خبر ثالث"));
        throw new IOException("disk went away");
    }
}
