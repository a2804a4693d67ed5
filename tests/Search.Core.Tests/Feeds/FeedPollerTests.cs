using System.Net;
using Microsoft.Extensions.Logging;
using Search.Core.Feeds;
using Search.Core.Ingestion;
using Search.Core.Querying;
using Search.Core.Tests.Writing;
using Search.Core.Writing;
using static Search.Core.Tests.Feeds.TestFeeds;

namespace Search.Core.Tests.Feeds;

public sealed class FeedPollerTests
{
    private const string Url = FeedTestBed.FeedUrl;

    [Fact]
    public async Task New_items_are_written_with_their_guid_or_else_their_link_as_id()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText), category: "نقل"),
            Item(null, "ارتفاع أسعار الذهب", "ملخص الذهب", content: Paragraphs(LongText), link: "https://news.example/gold")));

        var state = await bed.Poller(section: "منوعات").PollAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(2, state.ItemsSeen);
        Assert.Equal(2, state.ItemsIndexed);
        var first = bed.Index.Find("guid-1");
        Assert.Equal("افتتاح محطة القطار", first?.Title);
        Assert.Equal("مصدر مهيأ", first?.Source);
        Assert.Equal("نقل", first?.Section);
        var second = bed.Index.Find("https://news.example/gold");
        Assert.Equal("منوعات", second?.Section);
        Assert.Equal(LongText, second?.Body);
        bed.Index.Refresh();
        Assert.Equal("guid-1", Assert.Single(bed.Index.Search(new SearchRequest("محطة القطار")).Hits).Id);
    }

    [Fact]
    public async Task A_poll_while_the_index_folder_cannot_be_written_writes_nothing_is_not_backed_off_and_the_next_one_indexes_its_items()
    {
        var directory = new FaultyDirectory(new Lucene.Net.Store.RAMDirectory());
        await using var bed = new FeedTestBed(directory, new IndexFollowerOptions { CommitInterval = TimeSpan.FromMilliseconds(50), RetryDelay = TimeSpan.FromMilliseconds(50) });
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));
        await bed.Store.WriteAsync([ArticleChange.Upsert(Search.Core.Tests.TestCorpus.Article("before", "خبر قبل العطل"))]);
        directory.Failing = FaultyDirectory.DiskFull;
        Assert.True(SpinWait.SpinUntil(() => bed.Store.StorageFault is not null, TimeSpan.FromSeconds(10)), "the fault was not noticed");
        var poller = bed.Poller();

        var refused = await poller.PollAsync();

        Assert.Equal(0, refused.ConsecutiveFailures);
        Assert.Contains("cannot be written", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(refused.LastErrorAt + TimeSpan.FromMinutes(5), refused.NextPollAt);
        Assert.Null(bed.Index.Find("guid-1"));

        directory.Failing = null;

        // The store's pause between tries grows while the fault lasts, up to 10 s on a slow machine.
        Assert.True(SpinWait.SpinUntil(() => bed.Store.StorageFault is null, TimeSpan.FromSeconds(30)), "writes did not resume");
        var next = await poller.PollAsync();

        Assert.Equal(1, next.ItemsIndexed);
        Assert.Equal("افتتاح محطة القطار", bed.Index.Find("guid-1")?.Title);
    }

    [Fact]
    public async Task A_feed_that_names_its_source_keeps_it()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Rss("شبكة الأفق", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));

        await bed.Poller().PollAsync();

        Assert.Equal("شبكة الأفق", bed.Index.Find("guid-1")?.Source);
    }

    [Fact]
    public async Task The_next_poll_sends_the_validators_back_and_a_304_writes_nothing()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));
        var poller = bed.Poller();
        var first = await poller.PollAsync();
        var writes = bed.Writes;

        var second = await poller.PollAsync();

        var requests = bed.Web.RequestsTo(Url);
        Assert.Equal([null, "\"v1\""], requests.Select(request => request.IfNoneMatch));
        Assert.Equal([null, "Mon, 02 Feb 2026 10:00:00 GMT"], requests.Select(request => request.IfModifiedSince));
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(304, second.LastStatusCode);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal("Mon, 02 Feb 2026 10:00:00 GMT", second.LastModified);
        Assert.Equal(1, second.ItemsIndexed);
        Assert.Equal(writes, bed.Writes);
        Assert.True(second.LastSuccessAt >= first.LastSuccessAt);
    }

    [Fact]
    public async Task An_unchanged_document_served_again_writes_nothing()
    {
        await using var bed = new FeedTestBed();
        var xml = Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText)));
        bed.Web.Answer(Url, () => StubWeb.Text(xml, "application/rss+xml")); // no validators: every poll is a 200
        var poller = bed.Poller();
        await poller.PollAsync();
        var writes = bed.Writes;

        var state = await poller.PollAsync();

        Assert.Equal(writes, bed.Writes);
        Assert.Equal(1, state.ItemsSeen);
        Assert.Equal(1, state.ItemsIndexed);
    }

    [Fact]
    public async Task A_changed_item_replaces_its_article_and_the_unchanged_ones_are_not_written()
    {
        await using var bed = new FeedTestBed();
        var unchanged = Item("guid-2", "ارتفاع أسعار الذهب", "ملخص الذهب", content: Paragraphs(LongText));
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText)), unchanged));
        var poller = bed.Poller();
        await poller.PollAsync();
        var writes = bed.Writes;

        bed.Web.Feed(Url, Rss("", Item("guid-1", "تأجيل افتتاح محطة القطار", "ملخص معدل", content: Paragraphs(LongText)), unchanged), etag: "\"v2\"");
        var state = await poller.PollAsync();

        Assert.Equal(writes + 1, bed.Writes);
        Assert.Equal(3, state.ItemsIndexed);
        Assert.Equal("\"v2\"", state.ETag);
        Assert.Equal("تأجيل افتتاح محطة القطار", bed.Index.Find("guid-1")?.Title);
        Assert.Equal("ملخص معدل", bed.Index.Find("guid-1")?.Lead);
    }

    [Fact]
    public async Task An_entry_whose_updated_date_alone_changes_is_written_again()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Atom("urn:story:1", "اتفاق على تفعيل اللجنة المشتركة", "ملخص", "2026-02-02T10:00:00Z"));
        var poller = bed.Poller();
        await poller.PollAsync();
        var writes = bed.Writes;

        bed.Web.Feed(Url, Atom("urn:story:1", "اتفاق على تفعيل اللجنة المشتركة", "ملخص", "2026-02-02T12:30:00Z"), etag: "\"v2\"");
        await poller.PollAsync();

        Assert.Equal(writes + 1, bed.Writes);
        Assert.Equal(LongText, bed.Index.Find("urn:story:1")?.Body);
    }

    [Fact]
    public async Task A_summary_only_item_gets_the_main_text_of_its_page()
    {
        await using var bed = new FeedTestBed();
        const string page = "https://news.example/story-1";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص قصير للخبر", link: page),
            Item("guid-2", "ارتفاع أسعار الذهب", "ملخص", content: Paragraphs(LongText), link: "https://news.example/story-2")));
        bed.Web.Page(page, TestFeeds.Page("افتتاح محطة القطار", LongText));

        var state = await bed.Poller().PollAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        var article = bed.Index.Find("guid-1");
        Assert.Equal("ملخص قصير للخبر", article?.Lead);
        Assert.Equal(LongText, article?.Body);
        Assert.DoesNotContain("الأكثر قراءة", article?.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("جميع الحقوق", article?.Body, StringComparison.Ordinal);
        Assert.Empty(bed.Web.RequestsTo("https://news.example/story-2")); // its full text came with the feed
    }

    [Fact]
    public async Task A_page_that_gives_less_than_the_feed_leaves_the_summary()
    {
        await using var bed = new FeedTestBed();
        const string summary = "ملخص الخبر كما ورد في الخلاصة، وهو أطول من نص الصفحة الذي لا يتجاوز سطرا واحدا.";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", summary, link: "https://news.example/short"),
            Item("guid-2", "ارتفاع أسعار الذهب", summary, link: "https://news.example/data.json")));
        bed.Web.Page("https://news.example/short", TestFeeds.Page("افتتاح", "سطر"));
        bed.Web.Page("https://news.example/data.json", "{}", "application/json");

        var state = await bed.Poller().PollAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(bed.Index.Find("guid-1")?.Body);
        Assert.Equal(summary, bed.Index.Find("guid-1")?.Lead);
        Assert.Null(bed.Index.Find("guid-2")?.Body);
    }

    [Fact]
    public async Task A_page_that_fails_leaves_the_summary_and_is_tried_again_at_the_next_poll_until_it_works()
    {
        await using var bed = new FeedTestBed();
        const string page = "https://news.example/story-1";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص قصير للخبر", link: page)));
        bed.Web.Status(page, HttpStatusCode.ServiceUnavailable);
        var poller = bed.Poller(interval: TimeSpan.FromSeconds(60));

        var failed = await poller.PollAsync();

        Assert.Equal("ملخص قصير للخبر", bed.Index.Find("guid-1")?.Lead);
        Assert.Null(bed.Index.Find("guid-1")?.Body);
        Assert.Equal(0, failed.ConsecutiveFailures); // the page's problem, not the feed's: no backoff
        Assert.NotNull(failed.LastSuccessAt);
        Assert.Null(failed.LastError);
        Assert.Null(failed.ETag);
        Assert.Equal(failed.LastPollAt + TimeSpan.FromSeconds(60), failed.NextPollAt);
        var writes = bed.Writes;

        bed.Web.Page(page, TestFeeds.Page("افتتاح محطة القطار", LongText));
        var recovered = await poller.PollAsync();

        Assert.Null(bed.Web.RequestsTo(Url)[^1].IfNoneMatch); // the document is read again, for its item's page
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal("\"v1\"", recovered.ETag);
        Assert.Equal(writes + 1, bed.Writes);
        Assert.Equal(LongText, bed.Index.Find("guid-1")?.Body);
    }

    [Fact]
    public async Task A_page_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        await using var bed = new FeedTestBed();
        const string page = "https://news.example/gone";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص قصير للخبر", link: page)));
        bed.Web.Status(page, HttpStatusCode.Gone);
        var poller = bed.Poller(new FeedPollerOptions { MaxPageAttempts = 2 });

        var first = await poller.PollAsync();
        var second = await poller.PollAsync();
        var third = await poller.PollAsync();

        Assert.Equal(0, first.ConsecutiveFailures);
        Assert.Null(first.ETag);
        Assert.Equal(0, second.ConsecutiveFailures);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal(304, third.LastStatusCode);
        Assert.Equal(2, bed.Web.RequestsTo(page).Count);
        Assert.Equal(1, third.ItemsIndexed);
    }

    [Fact]
    public async Task A_page_over_the_size_cap_costs_only_its_item_its_text_and_the_poll_counts_as_a_success()
    {
        await using var bed = new FeedTestBed();
        const string bomb = "https://news.example/pagebomb";
        var items = Enumerable.Range(1, 10)
            .Select(n => Item($"guid-{n}", $"خبر رقم {n}", $"ملخص الخبر {n}", link: n == 4 ? bomb : $"https://news.example/story-{n}"))
            .ToArray();
        bed.Web.Feed(Url, Rss("", items));
        for (var n = 1; n <= 10; n++)
        {
            bed.Web.Page($"https://news.example/story-{n}", TestFeeds.Page($"خبر رقم {n}", LongText));
        }

        bed.Web.Page(bomb, TestFeeds.Page("قنبلة", string.Join("\n", Enumerable.Repeat(LongText, 20))));
        var poller = bed.Poller(new FeedPollerOptions { MaxPageBytes = 16 * 1024, MaxPageAttempts = 2 }, interval: TimeSpan.FromSeconds(60));

        var first = await poller.PollAsync();

        Assert.Equal(0, first.ConsecutiveFailures);
        Assert.NotNull(first.LastSuccessAt);
        Assert.Null(first.LastError);
        Assert.Equal(first.LastPollAt + TimeSpan.FromSeconds(60), first.NextPollAt);
        Assert.Equal(10, first.ItemsIndexed);
        Assert.Equal("ملخص الخبر 4", bed.Index.Find("guid-4")?.Lead);
        Assert.Null(bed.Index.Find("guid-4")?.Body);
        Assert.Equal(LongText, bed.Index.Find("guid-5")?.Body);

        // Tried once more, at the usual interval, then kept with its summary: the document is 304 again.
        var second = await poller.PollAsync();
        var third = await poller.PollAsync();

        Assert.Equal((0, 0), (second.ConsecutiveFailures, third.ConsecutiveFailures));
        Assert.Equal(304, third.LastStatusCode);
        Assert.Equal(2, bed.Web.RequestsTo(bomb).Count);
        Assert.Single(bed.Web.RequestsTo("https://news.example/story-5"));
    }

    [Fact]
    public async Task A_page_nested_past_the_parser_bound_costs_only_its_item_its_text()
    {
        await using var bed = new FeedTestBed();
        const string deep = "https://news.example/deep";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "خبر أول", "ملخص الخبر الأول", link: deep), Item("guid-2", "خبر ثان", "ملخص الخبر الثاني", link: "https://news.example/story-2")));
        bed.Web.Page(deep, TestFeeds.Page("صفحة عميقة", LongText).Replace("<h1>", string.Concat(Enumerable.Repeat("<div>", 50_000)) + "<h1>", StringComparison.Ordinal));
        bed.Web.Page("https://news.example/story-2", TestFeeds.Page("خبر ثان", LongText));
        var logger = new RecordingLogger<FeedPoller>();
        var poller = bed.Poller(new FeedPollerOptions { MaxPageAttempts = 1 }, logger: logger);

        var status = await poller.PollAsync();

        Assert.Equal((0, 2), (status.ConsecutiveFailures, status.ItemsIndexed));
        Assert.Equal("ملخص الخبر الأول", bed.Index.Find("guid-1")?.Lead);
        Assert.Null(bed.Index.Find("guid-1")?.Body);
        Assert.Equal(LongText, bed.Index.Find("guid-2")?.Body);
        Assert.Contains(logger.Entries, entry => entry.Message.Contains($"more than {HtmlParsing.MaxDepth} deep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_on_a_private_address_is_refused_once_with_a_warning_and_the_item_keeps_its_summary()
    {
        await using var bed = new FeedTestBed();
        const string metadata = "http://169.254.169.254/latest/meta-data/";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص قصير للخبر", link: metadata)));
        using var pageHttp = new HttpClient(new SocketsHttpHandler { ConnectCallback = PublicAddressGuard.ConnectAsync, UseProxy = false });
        var logger = new RecordingLogger<FeedPoller>();
        var poller = bed.Poller(new FeedPollerOptions { MaxPageAttempts = 3 }, logger: logger, pageHttp: pageHttp);

        var first = await poller.PollAsync();
        var second = await poller.PollAsync();

        Assert.Equal("ملخص قصير للخبر", bed.Index.Find("guid-1")?.Lead);
        Assert.Null(bed.Index.Find("guid-1")?.Body);
        Assert.Equal((0, "\"v1\""), (first.ConsecutiveFailures, first.ETag)); // not to be tried again
        Assert.Equal(304, second.LastStatusCode);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains(metadata, warning.Message, StringComparison.Ordinal);
        Assert.Contains("not a public address", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_over_the_article_size_limit_is_skipped_with_a_warning_and_the_others_are_written()
    {
        await using var bed = new FeedTestBed();
        var hugeSummary = string.Concat(Enumerable.Repeat("ملخص طويل جدا ", 50_000)); // 1.3 MB of UTF-8, as a PUT gets 413
        bed.Web.Feed(Url, Rss("", Item("guid-huge", "عنوان", hugeSummary, content: Paragraphs(LongText)),
            Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));
        var logger = new RecordingLogger<FeedPoller>();
        var poller = bed.Poller(new FeedPollerOptions { MaxFeedBytes = 4 * 1024 * 1024 }, logger: logger);

        var state = await poller.PollAsync();

        Assert.Null(bed.Index.Find("guid-huge"));
        Assert.NotNull(bed.Index.Find("guid-1"));
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(1, state.ItemsIndexed);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("guid-huge", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1,048,576", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_whose_link_is_not_a_uri_is_skipped_with_a_warning_and_the_others_are_written()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText)),
            Item("guid-2", "عنوان", "ملخص", content: Paragraphs(LongText), link: "http://[::1"),
            Item("guid-3", "ارتفاع أسعار الذهب", "ملخص", content: Paragraphs(LongText))));
        var logger = new RecordingLogger<FeedPoller>();

        var state = await bed.Poller(logger: logger).PollAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(2, state.ItemsIndexed);
        Assert.NotNull(bed.Index.Find("guid-1"));
        Assert.Null(bed.Index.Find("guid-2"));
        Assert.NotNull(bed.Index.Find("guid-3"));
        var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("item 2: link 'http://[::1' is not a valid URI", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_in_windows_1256_is_read_in_the_encoding_it_declares()
    {
        await using var bed = new FeedTestBed();
        var xml = Rss("الأفق", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText)))
            .Replace("encoding=\"utf-8\"", "encoding=\"windows-1256\"", StringComparison.Ordinal);
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(xml);
        bed.Web.Answer(Url, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });

        var state = await bed.Poller().PollAsync();

        Assert.Null(state.LastError);
        Assert.Equal("افتتاح محطة القطار", bed.Index.Find("guid-1")?.Title);
        Assert.Equal("الأفق", bed.Index.Find("guid-1")?.Source);
    }

    [Fact]
    public async Task A_page_whose_text_would_pass_the_article_size_limit_leaves_the_summary()
    {
        await using var bed = new FeedTestBed();
        const string page = "https://news.example/story-1";
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص قصير للخبر", link: page)));
        bed.Web.Page(page, TestFeeds.Page("افتتاح محطة القطار", LongText));

        var state = await bed.Poller(new FeedPollerOptions { MaxArticleBytes = 1_000 }).PollAsync();

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal("ملخص قصير للخبر", bed.Index.Find("guid-1")?.Lead);
        Assert.Null(bed.Index.Find("guid-1")?.Body);
    }

    public static TheoryData<string, string> FeedFailures => new()
    {
        { "500", "500" },
        { "garbage", "not a readable RSS or Atom feed" },
        { "too large", "larger than" },
        { "timeout", "did not answer within" },
        { "no connection", "Connection refused" },
    };

    [Theory]
    [MemberData(nameof(FeedFailures))]
    public async Task A_failing_feed_is_recorded_and_backs_off_then_recovers(string failure, string error)
    {
        await using var bed = new FeedTestBed();
        switch (failure)
        {
            case "500":
                bed.Web.Status(Url, HttpStatusCode.InternalServerError);
                break;
            case "garbage":
                bed.Web.Page(Url, "<html><body>not a feed", "application/rss+xml");
                break;
            case "too large":
                bed.Web.Page(Url, Rss("", Item("guid-1", "خبر", new string('ن', 5_000))), "application/rss+xml");
                break;
            case "timeout":
                bed.Web.Answer(Url, async (_, cancellation) =>
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                    throw new InvalidOperationException("never answers");
                });
                break;
            default:
                bed.Web.Answer(Url, (_, _) => throw new HttpRequestException("Connection refused (news.example:443)"));
                break;
        }

        var interval = TimeSpan.FromSeconds(10);
        var options = new FeedPollerOptions { MaxFeedBytes = 4_096, FeedTimeout = TimeSpan.FromMilliseconds(200) };
        var poller = bed.Poller(options, interval: interval);

        var states = new List<FeedState>();
        for (var i = 0; i < 3; i++)
        {
            states.Add(await poller.PollAsync());
        }

        Assert.Equal([1, 2, 3], states.Select(state => state.ConsecutiveFailures));
        Assert.All(states, state => Assert.Contains(error, state.LastError, StringComparison.Ordinal));
        Assert.All(states, state => Assert.Null(state.LastSuccessAt));
        Assert.Equal(0, bed.Writes);
        for (var i = 0; i < states.Count; i++)
        {
            // Equal jitter: between half and all of the interval doubled per failure.
            var full = interval * Math.Pow(2, i);
            Assert.InRange(states[i].NextPollAt - states[i].LastErrorAt!.Value, full / 2, full);
        }

        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));
        var recovered = await poller.PollAsync();

        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(200, recovered.LastStatusCode);
        Assert.NotNull(recovered.LastSuccessAt);
        Assert.Equal(states[^1].LastError, recovered.LastError); // kept for operators, with its date
        Assert.Equal(recovered.LastPollAt + interval, recovered.NextPollAt);
        Assert.NotNull(bed.Index.Find("guid-1"));
    }

    [Fact]
    public async Task A_feed_held_by_another_node_is_not_requested()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Feed(Url, Rss("", Item("guid-1", "افتتاح محطة القطار", "ملخص", content: Paragraphs(LongText))));

        var state = await bed.Poller(lease: new RefusedLease()).PollAsync();

        Assert.Empty(bed.Web.Requests);
        Assert.Null(state.LastPollAt);
        Assert.True(state.NextPollAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_redirect_the_client_does_not_follow_is_an_error_naming_where_it_leads()
    {
        await using var bed = new FeedTestBed();
        bed.Web.Answer(FeedTestBed.FeedUrl, () =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.Found);
            redirect.Headers.Location = new Uri("/feed-moved.xml", UriKind.Relative);
            return redirect;
        });

        var state = await bed.Poller().PollAsync();

        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.StartsWith("The feed answered 302, a redirect to https://news.example/feed-moved.xml that was not followed", state.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_polls_at_once_and_stops_when_cancelled_mid_poll()
    {
        await using var bed = new FeedTestBed();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bed.Web.Answer(Url, async (_, cancellation) =>
        {
            requested.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellation);
            throw new InvalidOperationException("never answers");
        });
        var poller = bed.Poller(interval: TimeSpan.FromHours(1));
        using var stop = new CancellationTokenSource();

        var run = poller.RunAsync(stop.Token);
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();

        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Single(bed.Web.Requests);
        Assert.Null(poller.State.LastError);
    }

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.999, 10)]
    [InlineData(2, 0.0, 10)]
    [InlineData(3, 0.5, 30)]
    [InlineData(20, 0.0, 1_800)]
    [InlineData(20, 1.0, 3_600)]
    public void Backoff_doubles_the_interval_per_failure_up_to_the_cap_with_half_of_it_random(int failures, double random, double expectedSeconds)
    {
        var delay = FeedBackoff.Delay(failures, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), random);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 1);
    }

    private sealed class RefusedLease : IFeedLease
    {
        public ValueTask<IAsyncDisposable?> TryAcquireAsync(Uri feed, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(null);
    }
}
