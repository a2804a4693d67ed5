using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Search.Api.Tests;

/// <summary>The service polling feeds served on the loopback by <see cref="LoopbackSite"/>, every second.</summary>
public sealed class FeedPollingTests
{
    private const string ApiKey = "feed-test-key";
    private const string Source = "وكالة الاختبار";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static readonly string LongText = string.Join("\n", Enumerable.Range(1, 4).Select(n =>
        $"الفقرة {n}: أعلنت وزارة النقل افتتاح المرحلة الأولى من مشروع القطار الخفيف الذي يربط الأحياء الشرقية بوسط العاصمة، على أن تبدأ الرحلات المنتظمة مطلع الشهر المقبل بعد اكتمال التجارب الفنية."));

    [Fact]
    public async Task ItemsOfAPolledFeedBecomeSearchable()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(
            Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص", site.Url("/story-1"), Paragraphs(LongText)),
            Item("story-2", "ارتفاع أسعار الذهب في الأسواق", "ملخص الذهب", site.Url("/story-2"), Paragraphs(LongText))));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/feed.xml")).CreateClient();

        var article = await WaitForArticleAsync(client, "story-1");

        Assert.Equal("افتتاح محطة القطار الخفيف", article.Title);
        Assert.Equal(Source, article.Source);
        Assert.Equal(LongText, article.Body);
        var hits = await WaitForAsync(async () => (await client.SearchOkAsync("أسعار الذهب")).Hits, found => found.Count > 0);
        Assert.Equal("story-2", hits[0].Id);
        Assert.StartsWith("ArabicNewsSearch/", site.RequestsTo("/feed.xml")[0].UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextPollSendsTheValidatorsBackAndA304WritesNothingAsTheStatsShow()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص", site.Url("/story-1"), Paragraphs(LongText))));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/feed.xml")).CreateClient();

        var first = await site.RequestAsync("/feed.xml", 1).WaitAsync(Deadline);
        var second = await site.RequestAsync("/feed.xml", 2).WaitAsync(Deadline);
        await site.RequestAsync("/feed.xml", 3).WaitAsync(Deadline); // the second poll has ended

        Assert.Equal((null, null, 200), (first.IfNoneMatch, first.IfModifiedSince, first.Status));
        Assert.Equal(("\"v1\"", LoopbackSite.LastModified(1), 304), (second.IfNoneMatch, second.IfModifiedSince, second.Status));
        using var stats = await StatsAsync(client);
        Assert.Equal(1, stats.RootElement.GetProperty("writes").GetProperty("log").GetProperty("lastSequence").GetInt64());
        var feed = Assert.Single(stats.RootElement.GetProperty("feeds").EnumerateArray());
        Assert.Equal(site.Url("/feed.xml"), feed.GetProperty("url").GetString());
        Assert.Equal(Source, feed.GetProperty("source").GetString());
        Assert.Equal(1, feed.GetProperty("itemsIndexed").GetInt64());
        Assert.Equal(304, feed.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal("\"v1\"", feed.GetProperty("etag").GetString());
        Assert.Equal(LoopbackSite.LastModified(1), feed.GetProperty("lastModified").GetString());
        Assert.Equal(0, feed.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("lastError").ValueKind);
        var lastPoll = feed.GetProperty("lastPollAt").GetDateTimeOffset();
        Assert.True(feed.GetProperty("lastSuccessAt").GetDateTimeOffset() >= lastPoll);
        Assert.Equal(lastPoll.AddSeconds(1), feed.GetProperty("nextPollAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AChangedItemReplacesItsArticle()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص", site.Url("/story-1"), Paragraphs(LongText))));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/feed.xml")).CreateClient();
        await WaitForArticleAsync(client, "story-1");

        site.Feed("/feed.xml", Rss(Item("story-1", "تأجيل افتتاح محطة القطار الخفيف", "ملخص معدل", site.Url("/story-1"), Paragraphs(LongText))), version: 2);

        var article = await WaitForArticleAsync(client, "story-1", found => found.Title.StartsWith("تأجيل", StringComparison.Ordinal));
        Assert.Equal("ملخص معدل", article.Lead);
        var hits = await WaitForAsync(async () => (await client.SearchOkAsync("تأجيل افتتاح")).Hits, found => found.Count > 0);
        Assert.Equal("story-1", Assert.Single(hits).Id);
    }

    [Fact]
    public async Task ASummaryOnlyItemGetsItsPageTextAndOneWhosePageFailsKeepsItsSummary()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(
            Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص قصير", site.Url("/story-1")),
            Item("story-2", "ارتفاع أسعار الذهب في الأسواق", "ملخص الذهب وحده", site.Url("/story-2"))));
        site.Page("/story-1", ArticlePage("افتتاح محطة القطار الخفيف", LongText));
        site.Status("/story-2", StatusCodes.Status500InternalServerError);
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/feed.xml")).CreateClient();

        var enriched = await WaitForArticleAsync(client, "story-1");
        var fallback = await WaitForArticleAsync(client, "story-2");

        Assert.Equal("ملخص قصير", enriched.Lead);
        Assert.Equal(LongText, enriched.Body);
        Assert.Equal("ملخص الذهب وحده", fallback.Lead);
        Assert.Null(fallback.Body);

        // The failed page is tried again on the next poll, which reads the whole document again.
        var retried = await site.RequestAsync("/story-2", 2).WaitAsync(Deadline);
        Assert.Equal(500, retried.Status);
        Assert.Null(site.RequestsTo("/feed.xml")[1].IfNoneMatch);
    }

    [Fact]
    public async Task ALinkedPageOnAPrivateAddressIsNotReadByDefaultWhileTheFeedItselfIs()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص قصير", site.Url("/internal-page"))));
        site.Page("/internal-page", ArticlePage("صفحة داخلية", LongText));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, ("Search:FeedPolling:MaxPageAttempts", "3"), site.Url("/feed.xml")).CreateClient();

        var article = await WaitForArticleAsync(client, "story-1");
        await site.RequestAsync("/feed.xml", 3).WaitAsync(Deadline);

        Assert.Equal("ملخص قصير", article.Lead);
        Assert.Null(article.Body);
        Assert.Empty(site.RequestsTo("/internal-page"));
        Assert.Equal("\"v1\"", site.RequestsTo("/feed.xml")[1].IfNoneMatch); // refused for good, not tried again
        using var stats = await StatsAsync(client);
        var feed = Assert.Single(stats.RootElement.GetProperty("feeds").EnumerateArray());
        Assert.Equal(0, feed.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task AGzipBombPageCostsOnlyItsItemItsTextAndTheFeedKeepsSucceeding()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Feed("/feed.xml", Rss(
            Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص قصير", site.Url("/story-1")),
            Item("story-2", "ارتفاع أسعار الذهب في الأسواق", "ملخص الذهب وحده", site.Url("/pagebomb"))));
        site.Page("/story-1", ArticlePage("افتتاح محطة القطار الخفيف", LongText));
        var bomb = Gzip(new byte[3 * 1024 * 1024]); // a few kilobytes that inflate past the 2 MiB page cap
        site.Serve("/pagebomb", context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            return context.Response.Body.WriteAsync(bomb).AsTask();
        });
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/feed.xml")).CreateClient();

        var enriched = await WaitForArticleAsync(client, "story-1");
        var fallback = await WaitForArticleAsync(client, "story-2");
        await site.RequestAsync("/pagebomb", 2).WaitAsync(Deadline);
        await site.RequestAsync("/feed.xml", 3).WaitAsync(Deadline);

        Assert.Equal(LongText, enriched.Body);
        Assert.Equal("ملخص الذهب وحده", fallback.Lead);
        Assert.Null(fallback.Body);
        var feed = await WaitForAsync(
            async () =>
            {
                using var stats = await StatsAsync(client);
                return stats.RootElement.GetProperty("feeds")[0].Clone();
            },
            found => found.GetProperty("lastSuccessAt").ValueKind != JsonValueKind.Null);
        Assert.Equal(0, feed.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task AFeedItemOverTheWriteApisArticleLimitIsSkippedAsAPutOfItWouldBeRefused()
    {
        await using var site = await LoopbackSite.StartAsync();
        var hugeSummary = string.Concat(Enumerable.Repeat("ملخص طويل ", 200)); // 3.6 KB of UTF-8
        site.Feed("/feed.xml", Rss(
            Item("story-huge", "عنوان", hugeSummary, site.Url("/story-huge"), Paragraphs(LongText)),
            Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص", site.Url("/story-1"), Paragraphs(LongText))));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, ("Search:Writes:MaxArticleBytes", "3072"), site.Url("/feed.xml")).CreateClient();

        await WaitForArticleAsync(client, "story-1");

        using var response = await client.GetAsync("/api/articles/story-huge");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AFailingFeedIsRetriedWithBackoffWhileTheOtherFeedsAreIndexed()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Status("/broken.xml", StatusCodes.Status500InternalServerError);
        site.Serve("/garbage.xml", context => context.Response.WriteAsync("<html><body>not a feed"));
        site.Feed("/feed.xml", Rss(Item("story-1", "افتتاح محطة القطار الخفيف", "ملخص", site.Url("/story-1"), Paragraphs(LongText))));
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = WithFeeds(app, site.Url("/broken.xml"), site.Url("/garbage.xml"), site.Url("/feed.xml")).CreateClient();

        await WaitForArticleAsync(client, "story-1");
        foreach (var path in new[] { "/broken.xml", "/garbage.xml" })
        {
            var polls = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => site.RequestAsync(path, n).WaitAsync(Deadline)));

            // Equal jitter on a 1 s interval: the first retry waits 0.5–1 s, the second 1–2 s (plus the time a
            // busy machine takes to answer, hence no upper bound).
            Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(0.45), $"{path}: first retry after {polls[1].At - polls[0].At}");
            Assert.True(polls[2].At - polls[1].At >= TimeSpan.FromSeconds(0.95), $"{path}: second retry after {polls[2].At - polls[1].At}");
        }

        // The third answer is sent; the poller records it a moment later.
        var feeds = await WaitForAsync(
            async () =>
            {
                using var stats = await StatsAsync(client);
                return stats.RootElement.GetProperty("feeds").Clone().EnumerateArray().ToList();
            },
            found => found.Take(2).All(feed => feed.GetProperty("consecutiveFailures").GetInt32() >= 3));
        Assert.Equal(3, feeds.Count);
        Assert.Contains("500", feeds[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(500, feeds[0].GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("not a readable RSS or Atom feed", feeds[1].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        foreach (var failing in feeds.Take(2))
        {
            Assert.Equal(JsonValueKind.Null, failing.GetProperty("lastSuccessAt").ValueKind);
            var wait = failing.GetProperty("nextPollAt").GetDateTimeOffset() - failing.GetProperty("lastErrorAt").GetDateTimeOffset();
            Assert.True(wait >= TimeSpan.FromSeconds(2), $"waits {wait} after {failing.GetProperty("consecutiveFailures")} failures");
        }

        Assert.Equal(0, feeds[2].GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(1, feeds[2].GetProperty("itemsIndexed").GetInt64());
    }

    [Theory]
    [InlineData("ftp://news.example/feed.xml", "not an absolute http or https address")]
    [InlineData("", "The Url field is required")]
    public async Task AFeedWithoutAnHttpUrlStopsTheServiceAtStart(string url, string error)
    {
        await using var app = SearchApiFactory.WithoutSampleData();

        var failure = StartFailure.Of(() => WithFeeds(app, url));

        Assert.Contains(error, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedConfiguredTwiceStopsTheServiceAtStart()
    {
        await using var app = SearchApiFactory.WithoutSampleData();

        var failure = StartFailure.Of(() => WithFeeds(app, "https://news.example/feed.xml", "https://news.example/feed.xml"));

        Assert.Contains("configured more than once", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The service polling <paramref name="urls"/>, and reading pages on the loopback as the site serves them.</summary>
    private static WebApplicationFactory<Program> WithFeeds(SearchApiFactory app, params string[] urls) =>
        WithFeeds(app, ("Search:FeedPolling:AllowPrivateAddresses", "true"), urls);

    private static WebApplicationFactory<Program> WithFeeds(SearchApiFactory app, (string Key, string Value) setting, params string[] urls) =>
        app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Search:ApiKeys:0", ApiKey);
            builder.UseSetting(setting.Key, setting.Value);

            // Failures here are expected; the stats show them.
            builder.UseSetting("Logging:LogLevel:Search.Core.Feeds", "Error");
            for (var i = 0; i < urls.Length; i++)
            {
                builder.UseSetting($"Search:Feeds:{i}:Url", urls[i]);
                builder.UseSetting($"Search:Feeds:{i}:Source", Source);
                builder.UseSetting($"Search:Feeds:{i}:IntervalSeconds", "1");
            }
        });

    private static async Task<JsonDocument> StatsAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/index/stats");
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the article by id until it exists and satisfies <paramref name="ready"/>.</summary>
    private static async Task<ArticleBody> WaitForArticleAsync(HttpClient client, string id, Func<ArticleBody, bool>? ready = null)
    {
        var article = await WaitForAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/articles/" + Uri.EscapeDataString(id));
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<ArticleBody>() : null;
            },
            found => found is not null && (ready is null || ready(found)));
        return article!;
    }

    /// <summary>Asks until the answer is ready, within <see cref="Deadline"/>: the service polls on its own clock.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> ask, Func<T, bool> ready)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var answer = await ask();
            if (ready(answer))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, "the service did not get there in time");
            await Task.Delay(50);
        }
    }

    private static string Rss(params string[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title></title><link>https://news.example/</link><description>آخر الأخبار</description>{string.Concat(items)}</channel>
        </rss>
        """;

    private static string Item(string guid, string title, string summary, string link, string? content = null) => $"""
        <item>
          <title>{SecurityElement.Escape(title)}</title>
          <link>{SecurityElement.Escape(link)}</link>
          <guid isPermaLink="false">{guid}</guid>
          <description>{SecurityElement.Escape(summary)}</description>
          <pubDate>Mon, 02 Feb 2026 09:00:00 +0300</pubDate>
          {(content is null ? "" : $"<content:encoded><![CDATA[{content}]]></content:encoded>")}
        </item>
        """;

    private static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static string Paragraphs(string text) => string.Concat(text.Split('\n').Select(line => $"<p>{line}</p>"));

    /// <summary>A page with the chrome a real one has around its article: navigation, a side column, a footer.</summary>
    private static string ArticlePage(string headline, string text) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{headline}</title></head>
        <body>
          <header><nav><a href="/">الرئيسية</a> <a href="/economy">اقتصاد</a></nav></header>
          <article><h1>{headline}</h1>{Paragraphs(text)}</article>
          <aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر جانبي</a></li></ul></aside>
          <footer>جميع الحقوق محفوظة</footer>
        </body></html>
        """;
}
