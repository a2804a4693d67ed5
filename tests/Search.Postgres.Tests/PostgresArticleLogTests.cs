using Npgsql;
using Search.Core.Documents;
using Search.Core.Writing;
using Search.Postgres.Schema;
using Search.Postgres.Tests.Cluster;

namespace Search.Postgres.Tests;

/// <summary>The shared log in process against a throwaway server: migrations, outcomes, commit order under
/// concurrent writers on two "nodes", the feed lease.</summary>
public sealed class PostgresArticleLogTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_nodes_starting_at_once_migrate_the_schema_exactly_once()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);

        await using var first = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await using var second = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await Task.WhenAll(first.Ready, second.Ready).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((long)SchemaMigrator.LatestVersion, await server.ScalarAsync($"SELECT count(*) FROM {SchemaMigrator.VersionTable}"));
        Assert.Equal(0L, await server.ScalarAsync("SELECT last_seq FROM change_counter"));
    }

    [SkippableFact]
    public async Task An_append_reports_what_each_change_did_and_is_followed_in_order()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var log = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));

        var first = await log.AppendAsync([Upsert("a", "افتتاح متحف الفن الحديث"), Upsert("b", "معرض للكتاب")]);
        Assert.Equal(new SequenceRange(1, 2), first.Sequences);
        Assert.Equal([ChangeOutcome.Created, ChangeOutcome.Created], first.Outcomes);

        var second = await log.AppendAsync([Upsert("a", "إغلاق متحف الفن الحديث"), ArticleChange.Delete("b"), ArticleChange.Delete("never")]);
        Assert.Equal(new SequenceRange(3, 5), second.Sequences);
        Assert.Equal([ChangeOutcome.Updated, ChangeOutcome.Deleted, ChangeOutcome.NotFound], second.Outcomes);

        var changes = await ReadAsync(log, after: 0, count: 5);
        Assert.Equal([1L, 2, 3, 4, 5], changes.Select(change => change.Sequence));

        // Each change carries the article's current row: "a" as replaced at 3, "b" gone.
        Assert.Equal("إغلاق متحف الفن الحديث", changes[0].Change.Article?.Title);
        Assert.Equal(3, changes[0].Version);
        Assert.Equal(ChangeKind.Delete, changes[1].Change.Kind);
        Assert.Equal(ChangeKind.Delete, changes[4].Change.Kind);
        Assert.Equal(new ReplicationLag(5, 0, TimeSpan.Zero), await log.LagAsync(5, CancellationToken.None));
        Assert.Equal(2, (await log.LagAsync(3, CancellationToken.None)).Changes);
    }

    [SkippableFact]
    public async Task Concurrent_writers_on_two_nodes_are_followed_without_a_gap_or_a_repeat()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var nodeA = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await using var nodeB = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await using var follower = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString) { ReadBatch = 7 });

        const int Writers = 8;
        const int WritesEach = 60;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var followed = new List<LoggedChange>();
        var following = Task.Run(async () =>
        {
            // Reads while the writers commit, so it meets transactions that took a position and have not committed.
            await foreach (var batch in follower.FollowAsync(0, stop.Token))
            {
                followed.AddRange(batch);
                if (followed.Count >= Writers * WritesEach * 2)
                {
                    return;
                }
            }
        });

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var node = writer % 2 == 0 ? nodeA : nodeB;
            var ranges = new List<SequenceRange>();
            for (var i = 0; i < WritesEach; i++)
            {
                ranges.Add((await node.AppendAsync([Upsert($"w{writer}-{i % 10}", $"خبر {i}"), ArticleChange.Delete($"w{writer}-{(i + 5) % 10}")])).Sequences);
            }

            return ranges;
        })));
        await following.WaitAsync(stop.Token);

        Assert.Equal(Enumerable.Range(1, Writers * WritesEach * 2).Select(i => (long)i), followed.Select(change => change.Sequence));
        Assert.Equal(
            Enumerable.Range(1, Writers * WritesEach * 2).Select(i => (long)i),
            acknowledged.SelectMany(ranges => ranges).SelectMany(range => new[] { range.First, range.Last }).Order());
    }

    [SkippableFact]
    public async Task A_feed_is_leased_to_one_node_at_a_time_until_released()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var nodeA = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await using var nodeB = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        var feed = new Uri("https://news.example/rss.xml");

        var held = await nodeA.FeedLease.TryAcquireAsync(feed, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await nodeB.FeedLease.TryAcquireAsync(feed, CancellationToken.None));
        var other = await nodeB.FeedLease.TryAcquireAsync(new Uri("https://news.example/other.xml"), CancellationToken.None);
        Assert.NotNull(other);

        await held.DisposeAsync();
        var taken = await nodeB.FeedLease.TryAcquireAsync(feed, CancellationToken.None);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
        await other.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_snapshot_holds_every_article_with_its_version_and_the_position_it_reflects()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var log = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await log.AppendAsync([Upsert("a", "أ"), Upsert("b", "ب"), Upsert("c", "ج")]);
        await log.AppendAsync([ArticleChange.Delete("b"), Upsert("a", "أأ")]);

        await using (var snapshot = await log.OpenSnapshotAsync(CancellationToken.None))
        {
            // A write after the snapshot opened is not in it.
            await log.AppendAsync([Upsert("d", "د")]);
            Assert.Equal(5, snapshot.Sequence);
            Assert.Equal(2, snapshot.Count);
            var articles = snapshot.Articles.ToDictionary(record => record.Article!.Id, record => (record.Article!.Title, record.Version));
            Assert.Equal(new Dictionary<string, (string, long)> { ["a"] = ("أأ", 5), ["c"] = ("ج", 3) }, articles);
        }
    }

    [SkippableFact]
    public async Task A_follower_that_reconnects_to_another_database_under_the_same_name_stops_rather_than_mix_them()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await server.ExecuteAsync("CREATE DATABASE news");
        var news = server.ConnectionString.Replace("Database=postgres", "Database=news", StringComparison.Ordinal);
        await using var node = PostgresArticleLog.Open(new PostgresStoreOptions(news) { PollInterval = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromMilliseconds(300) });
        await node.AppendAsync([Upsert("a", "خبر من القاعدة الأولى")]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = node.FollowAsync(0, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await changes.MoveNextAsync());

        // The operator starts over: the old database renamed away, a new one made under its name, and a load into it
        // gets further than the node had come. Its changes 2 and 3 are other articles than the first database's.
        await server.ExecuteAsync("ALTER DATABASE news WITH ALLOW_CONNECTIONS false");
        await server.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'news'");
        await server.ExecuteAsync("ALTER DATABASE news RENAME TO news_before");
        await server.ExecuteAsync("CREATE DATABASE news");
        await using (var other = PostgresArticleLog.Open(new PostgresStoreOptions(news)))
        {
            await other.AppendAsync([Upsert("x", "خبر من قاعدة أخرى"), Upsert("y", "خبر آخر منها"), Upsert("z", "وثالث")]);
        }

        var refusal = await Assert.ThrowsAsync<ForeignLogException>(async () => await changes.MoveNextAsync());
        Assert.Contains("another database", refusal.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_snapshot_read_more_slowly_than_the_database_statement_timeout_allows_still_ends()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var writer = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        var body = new string('ن', 2_000);
        for (var batch = 0; batch < 5; batch++)
        {
            await writer.AppendAsync([.. Enumerable.Range(batch * 1_000, 1_000).Select(i => ArticleChange.Upsert(new NewsArticle { Id = $"a{i}", Title = "خبر طويل", Body = body }))]);
        }

        // A timeout many hosted databases set for every session; a node loads a large table for minutes, indexing
        // as it reads. 20 MB of rows do not fit in the sockets' buffers, so the statement outlives the pause.
        await using var node = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString + ";Options=-c statement_timeout=300"));
        await using var snapshot = await node.OpenSnapshotAsync(CancellationToken.None);
        var read = 0;
        foreach (var _ in snapshot.Articles)
        {
            if (++read == 1)
            {
                await Task.Delay(1_000);
            }
        }

        Assert.Equal(5_000, read);
    }

    [SkippableFact]
    public async Task A_database_migrated_by_a_newer_service_is_refused_with_the_reason()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using (var log = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString)))
        {
            await log.Ready;
        }

        await server.ExecuteAsync($"INSERT INTO {SchemaMigrator.VersionTable} (version, name) VALUES (999, 'from the future')");
        await using var refused = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.Ready);
        Assert.Contains("newer than this service knows", error.Message, StringComparison.Ordinal);
        var write = await Assert.ThrowsAsync<IOException>(() => refused.AppendAsync([Upsert("a", "أ")]));
        Assert.Contains("newer than this service knows", write.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_follower_is_woken_by_the_notification_at_commit_without_waiting_for_its_poll()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var writer = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await using var follower = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString) { PollInterval = TimeSpan.FromMinutes(5) });
        await writer.AppendAsync([Upsert("first", "أ")]);
        var reading = ReadAsync(follower, after: 0, count: 2);
        await WaitUntilListeningAsync(server);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await writer.AppendAsync([Upsert("second", "ب")]);
        var changes = await reading;

        Assert.Equal(["first", "second"], changes.Select(change => change.Change.Id));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"followed after {clock.Elapsed.TotalSeconds:F1} s: the notification did not wake it");
    }

    [SkippableFact]
    public async Task A_change_whose_notification_is_lost_is_found_by_polling()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var follower = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString) { PollInterval = TimeSpan.FromMilliseconds(200) });
        await follower.Ready;

        // Written as a writer does, minus the NOTIFY.
        await server.ExecuteAsync("""
            BEGIN;
            UPDATE change_counter SET last_seq = last_seq + 1;
            INSERT INTO articles (id, version, doc) VALUES ('quiet', 1, '{"id":"quiet","title":"خبر بلا إشعار"}');
            INSERT INTO change_log (seq, article_id, deleted) VALUES (1, 'quiet', false);
            COMMIT;
            """);
        var changes = await ReadAsync(follower, after: 0, count: 1);

        Assert.Equal("خبر بلا إشعار", Assert.Single(changes).Change.Article?.Title);
    }

    [SkippableFact]
    public async Task The_listening_connection_outlives_the_servers_idle_session_timeout()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await server.ExecuteAsync("ALTER ROLE postgres SET idle_session_timeout = '2s'");
        await using var log = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await log.Ready;

        const string Listener = "SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN %'";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        object? first;
        while ((first = await server.ScalarAsync(Listener)) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the log does not listen for changes");
            await Task.Delay(50);
        }

        // Three times the timeout: the same session still listens, rather than one reconnected after being cut off.
        // (At 1 s, a keep-alive half a second early was not always early enough on a loaded two-core machine.)
        await Task.Delay(6_000);
        Assert.Equal(first, await server.ScalarAsync(Listener));
    }

    private static async Task WaitUntilListeningAsync(PostgresServer server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((long)(await server.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'"))! < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the two logs do not both listen for changes");
            await Task.Delay(50);
        }
    }

    [SkippableFact]
    public async Task Compaction_drops_superseded_changes_and_followers_from_any_position_still_end_where_the_database_is()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await using var log = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString) { CompactAfter = Timeout.InfiniteTimeSpan });

        await log.AppendAsync([Upsert("a", "خبر أول"), Upsert("b", "خبر ثان")]); // 1, 2
        await log.AppendAsync([Upsert("a", "خبر أول معدل")]); // 3
        await log.AppendAsync([Upsert("c", "خبر ثالث")]); // 4
        await log.AppendAsync([ArticleChange.Delete("c")]); // 5
        await log.AppendAsync([Upsert("a", "خبر أول معدل مرة ثانية")]); // 6

        // Nothing is an hour old yet: the default window keeps everything.
        Assert.Equal((0L, 0L), await log.CompactAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.Equal((3L, 6L), await log.CompactAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([2L, 5, 6], await server.RowsAsync("SELECT seq FROM change_log ORDER BY seq", row => row.GetInt64(0)));

        // A follower from the start, and one stopped in the middle of what was dropped, both read past the gaps.
        var fromStart = await ReadAsync(log, after: 0, count: 3);
        Assert.Equal([2L, 5, 6], fromStart.Select(change => change.Sequence));
        Assert.Equal("خبر ثان", fromStart[0].Change.Article?.Title);
        Assert.Equal(ChangeKind.Delete, fromStart[1].Change.Kind);
        Assert.Equal("خبر أول معدل مرة ثانية", fromStart[2].Change.Article?.Title);
        Assert.Equal([5L, 6], (await ReadAsync(log, after: 3, count: 2)).Select(change => change.Sequence));

        // Later writes follow on; a second pass drops only what they supersede.
        await log.AppendAsync([Upsert("b", "خبر ثان معدل")]); // 7
        Assert.Equal([7L], (await ReadAsync(log, after: 6, count: 1)).Select(change => change.Sequence));
        Assert.Equal((1L, 7L), await log.CompactAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal([5L, 6, 7], await server.RowsAsync("SELECT seq FROM change_log ORDER BY seq", row => row.GetInt64(0)));
        Assert.Equal(3, (await log.LagAsync(4, CancellationToken.None)).Changes);
    }

    [SkippableFact]
    public async Task A_follower_waits_out_a_cancelled_statement_and_a_revoked_grant_and_then_reads_on()
    {
        Skip.If(PostgresBinaries.Folder is null, PostgresBinaries.SkipReason);
        await using var server = await PostgresServer.CreateAsync(output.WriteLine);
        await server.ExecuteAsync("CREATE ROLE follower LOGIN; ALTER ROLE follower SET statement_timeout = '200ms'");
        await using var writer = PostgresArticleLog.Open(new PostgresStoreOptions(server.ConnectionString));
        await writer.Ready;
        await server.ExecuteAsync("GRANT CREATE ON SCHEMA public TO follower; GRANT SELECT ON ALL TABLES IN SCHEMA public TO follower");
        var followerConnection = server.ConnectionString.Replace("Username=postgres", "Username=follower", StringComparison.Ordinal);
        await using var follower = PostgresArticleLog.Open(new PostgresStoreOptions(followerConnection) { PollInterval = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromMilliseconds(300) });
        await follower.Ready.WaitAsync(TimeSpan.FromSeconds(30));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = follower.FollowAsync(0, timeout.Token).GetAsyncEnumerator(timeout.Token);
        await writer.AppendAsync([Upsert("a", "خبر قبل الصيانة")]);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal([1L], changes.Current.Select(change => change.Sequence));

        // Maintenance holds the change log (VACUUM FULL, ALTER TABLE): the follower's reads run into its statement
        // timeout (57014), as they do when an operator cancels them; then a grant is revoked (42501) and given back.
        // Both pass on the database's side, so the node waits them out: it used to stop following until a restart.
        await using (var maintenance = new NpgsqlConnection(server.ConnectionString))
        {
            await maintenance.OpenAsync();
            await using (var hold = new NpgsqlCommand("BEGIN; LOCK TABLE change_log IN ACCESS EXCLUSIVE MODE", maintenance))
            {
                await hold.ExecuteNonQueryAsync();
            }

            var next = changes.MoveNextAsync().AsTask();
            await Task.Delay(1_000);
            await server.ExecuteAsync("REVOKE SELECT ON change_log FROM follower");
            await using (var release = new NpgsqlCommand("COMMIT", maintenance))
            {
                await release.ExecuteNonQueryAsync();
            }

            await writer.AppendAsync([Upsert("b", "خبر بعد الصيانة")]);
            await Task.Delay(1_000);
            Assert.Null(next.Exception);
            Assert.False(next.IsCompleted, "the follower read the change log while it was not allowed to");
            await server.ExecuteAsync("GRANT SELECT ON change_log TO follower");
            Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        Assert.Equal([2L], changes.Current.Select(change => change.Sequence));
        Assert.Equal("خبر بعد الصيانة", changes.Current[0].Change.Article?.Title);
    }

    private static ArticleChange Upsert(string id, string title) => ArticleChange.Upsert(new NewsArticle { Id = id, Title = title });

    private static async Task<List<LoggedChange>> ReadAsync(PostgresArticleLog log, long after, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = new List<LoggedChange>();
        await foreach (var batch in log.FollowAsync(after, timeout.Token))
        {
            changes.AddRange(batch);
            if (changes.Count >= count)
            {
                break;
            }
        }

        return changes;
    }
}
