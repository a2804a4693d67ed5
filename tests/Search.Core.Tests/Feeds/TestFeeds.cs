using System.Security;

namespace Search.Core.Tests.Feeds;

/// <summary>Small RSS 2.0 and Atom documents and article pages for the feed tests.</summary>
internal static class TestFeeds
{
    /// <summary>Four paragraphs, well over the 400 characters below which an item counts as a summary.</summary>
    public static readonly string LongText = string.Join("\n", Enumerable.Range(1, 4).Select(n =>
        $"الفقرة {n}: عقد مجلس الوزراء اجتماعه الأسبوعي وناقش خطة تطوير شبكة النقل العام في العاصمة، وأقر تمويل المرحلة الأولى من مشروع القطار الخفيف الذي يربط الأحياء الشرقية بوسط المدينة."));

    /// <param name="title">The channel's title, which names the articles' source; empty leaves it to the subscription.</param>
    public static string Rss(string title, params string[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>{SecurityElement.Escape(title)}</title>
            <link>https://news.example/</link>
            <description>آخر الأخبار</description>
            {string.Concat(items)}
          </channel>
        </rss>
        """;

    public static string Item(
        string? guid,
        string title,
        string summary,
        string? content = null,
        string? link = null,
        string? category = null,
        string pubDate = "Tue, 05 Nov 2024 08:15:00 +0200") => $"""
        <item>
          <title>{SecurityElement.Escape(title)}</title>
          {(link is null ? "" : $"<link>{SecurityElement.Escape(link)}</link>")}
          <description>{SecurityElement.Escape(summary)}</description>
          <pubDate>{pubDate}</pubDate>
          {(guid is null ? "" : $"<guid isPermaLink=\"false\">{SecurityElement.Escape(guid)}</guid>")}
          {(category is null ? "" : $"<category>{SecurityElement.Escape(category)}</category>")}
          {(content is null ? "" : $"<content:encoded><![CDATA[{content}]]></content:encoded>")}
        </item>
        """;

    public static string Atom(string id, string title, string summary, string updated) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>وكالة الأنباء</title>
          <id>urn:feed</id>
          <updated>{updated}</updated>
          <entry>
            <id>{id}</id>
            <title>{SecurityElement.Escape(title)}</title>
            <link rel="alternate" href="https://news.example/atom-story"/>
            <updated>{updated}</updated>
            <summary>{SecurityElement.Escape(summary)}</summary>
            <content type="html">{SecurityElement.Escape(Paragraphs(LongText))}</content>
          </entry>
        </feed>
        """;

    /// <summary>An article page with the chrome a real one has: navigation, a side column of links and a footer.</summary>
    public static string Page(string headline, string text) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head><meta charset="utf-8"><title>{headline} | الأخبار</title></head>
        <body>
          <header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/sport">رياضة</a></nav></header>
          <div class="layout">
            <article class="story">
              <h1>{headline}</h1>
              {Paragraphs(text)}
            </article>
            <aside class="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر جانبي أول</a></li><li><a href="/b">خبر جانبي ثان</a></li></ul></aside>
          </div>
          <footer>جميع الحقوق محفوظة لموقع الأخبار</footer>
        </body>
        </html>
        """;

    public static string Paragraphs(string text) => string.Concat(text.Split('\n').Select(line => $"<p>{line}</p>"));
}
