using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.Tests.Writing;

public sealed class IndexFollowerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Changes_to_one_id_apply_in_log_order_however_many_threads_apply_a_batch(int applyThreads)
    {
        using var temp = new TempDirectory();
        var options = new NewsIndexOptions(temp.File("index"));
        var expected = new Dictionary<string, NewsArticle?>();
        using (var index = NewsIndex.Open(options))
        {
            await using var store = ArticleStore.OpenLocal(index, temp.File("log"), new IndexFollowerOptions { ApplyThreads = applyThreads });

            // Each batch writes every id several times over and deletes some, so a change applied out of order shows.
            var random = new Random(7);
            for (var batch = 0; batch < 20; batch++)
            {
                var changes = new List<ArticleChange>();
                for (var i = 0; i < 200; i++)
                {
                    var id = $"id-{random.Next(12)}";
                    var article = random.Next(5) == 0 ? null : TestCorpus.Article(id, $"الخبر {id} في نسخته {batch}-{i}");
                    changes.Add(article is null ? ArticleChange.Delete(id) : ArticleChange.Upsert(article));
                    expected[id] = article;
                }

                await store.WriteAsync(changes);
            }

            foreach (var (id, article) in expected)
            {
                Assert.Equal(article?.Title, index.Find(id)?.Title);
            }
        }

        // The commit made as the store and the index closed holds the same.
        using var reopened = NewsIndex.Open(options);
        foreach (var (id, article) in expected)
        {
            Assert.Equal(article?.Title, reopened.Find(id)?.Title);
        }
    }

    [Fact]
    public async Task A_large_batch_analyzed_ahead_indexes_and_answers_what_its_changes_written_one_at_a_time_do()
    {
        // Every sample article, then a third of them again with other titles, deletes of some and of ids never written:
        // one write of all of them applies its documents as they are prepared on another thread.
        var samples = new ArticleSources().Read([TestCorpus.IndexData()]).Select(result => result.Article).OfType<NewsArticle>().ToList();
        var changes = samples.Select(ArticleChange.Upsert).ToList();
        changes.AddRange(samples.Where((_, i) => i % 3 == 0).Select(article => ArticleChange.Upsert(article with { Title = "نسخة ثانية: " + article.Title })));
        changes.AddRange(samples.Where((_, i) => i % 5 == 1).Select(article => ArticleChange.Delete(article.Id)));
        changes.Add(ArticleChange.Delete("never-written"));
        changes.Add(ArticleChange.Upsert(samples[1]));
        Assert.True(changes.Count >= 80, "the batch should be large enough to be analyzed ahead");

        using var temp = new TempDirectory();
        using var batched = NewsIndex.Open(new NewsIndexOptions(temp.File("batched")));
        using var oneByOne = NewsIndex.Open(new NewsIndexOptions(temp.File("one-by-one")));
        var options = new IndexFollowerOptions { ApplyThreads = 1 };
        WriteReceipt receipt;
        var outcomes = new List<ChangeOutcome>();
        await using (var store = ArticleStore.OpenLocal(batched, temp.File("batched-log"), options))
        {
            receipt = await store.WriteAsync(changes);
        }

        await using (var store = ArticleStore.OpenLocal(oneByOne, temp.File("one-by-one-log"), options))
        {
            foreach (var change in changes)
            {
                outcomes.AddRange((await store.WriteAsync([change])).Outcomes);
            }
        }

        Assert.Equal(outcomes, receipt.Outcomes);
        Assert.Contains(ChangeOutcome.Updated, outcomes);
        Assert.Contains(ChangeOutcome.NotFound, outcomes);
        batched.Refresh();
        oneByOne.Refresh();
        Assert.Equal(oneByOne.Count, batched.Count);
        foreach (var query in new[] { "وزير التعليم", "\"مهرجان الإسكندرية\"", "الأردن ولبنان", "نسخة ثانية" })
        {
            SameAnswers.Check(oneByOne, batched, query);
        }
    }

    [Fact]
    public void A_chunk_prepared_ahead_holds_32_changes_or_fewer_whose_text_passes_a_million_characters()
    {
        static List<LoggedChange> Batch(int count, int bodyChars) => Enumerable.Range(1, count)
            .Select(i => new LoggedChange(i, ArticleChange.Upsert(TestCorpus.Article($"a-{i}", "عنوان", new string('ب', bodyChars)))))
            .ToList();

        Assert.Equal(32, IndexFollower.ChunkLength(Batch(100, 1_000), 0));
        Assert.Equal(4, IndexFollower.ChunkLength(Batch(100, 1_000), 96));
        Assert.Equal(2, IndexFollower.ChunkLength(Batch(100, 600_000), 10));
        Assert.Equal(1, IndexFollower.ChunkLength(Batch(3, 5_000_000), 0));
        var deletes = Enumerable.Range(1, 50).Select(i => new LoggedChange(i, ArticleChange.Delete($"a-{i}"))).ToList();
        Assert.Equal(32, IndexFollower.ChunkLength(deletes, 0));
    }

    [Fact]
    public async Task A_writer_waiting_on_a_change_the_pause_put_in_the_index_is_answered_though_nothing_is_logged_after_it()
    {
        // What a reindex does when its new index already holds the last writes: the follower had read them but not
        // applied them, then follows from after them. Their writer must hear back without a later write to wake it.
        using var temp = new TempDirectory();
        using var index = NewsIndex.Open(new NewsIndexOptions(temp.File("index")));
        await using var log = FileArticleLog.Open(temp.File("log"), index.CommittedSequence);
        await using var follower = IndexFollower.Start(index, log);
        var article = TestCorpus.Article("late", "خبر كتب أثناء إعادة الفهرسة");
        Task<long>? waiting = null;

        await follower.RunPausedAsync(() =>
        {
            var logged = log.AppendAsync([ArticleChange.Upsert(article)]).GetAwaiter().GetResult().Sequences.Last;
            waiting = follower.WaitAppliedAsync(logged);
            index.Upsert(article, logged);
            return logged;
        });

        await waiting!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, follower.AppliedSequence);
        Assert.NotNull(index.Find("late"));
    }
}
