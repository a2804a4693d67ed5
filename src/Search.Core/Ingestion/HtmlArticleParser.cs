using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Search.Core.Ingestion;

/// <summary>
/// Extracts an article from a saved HTML page: Open Graph and <c>article:*</c> metadata first, then the page's own
/// <c>&lt;article&gt;</c>, <c>&lt;h1&gt;</c> and <c>&lt;time&gt;</c>; navigation, asides, scripts and footers are dropped.
/// The id is the canonical URL when the page has one, else the page's name without its extension: its path from the
/// folder it was found under (<c>2024/a/index</c>, since scraped sites save every article as <c>index.html</c>), or
/// its file name.
/// </summary>
public static class HtmlArticleParser
{
    /// <summary>Reads a saved page, decoded as <see cref="HtmlParsing.ParseSaved"/> tells; a page in no encoding that
    /// fits is a problem, never text of U+FFFD.</summary>
    /// <param name="path">The file, as problems name it.</param>
    /// <param name="name">What names the page when it has no address of its own, with <c>/</c> between folders; by
    /// default its file name.</param>
    public static IngestResult ParseFile(string path, string? name = null) =>
        Parse(() => HtmlParsing.ParseSaved(File.ReadAllBytes(path)), path, name);

    /// <param name="html">The page's text.</param>
    /// <param name="fileName">The file, as problems name it.</param>
    /// <param name="name">What names the page when it has no address of its own; by default the file's name.</param>
    public static IngestResult Parse(string html, string fileName, string? name = null) =>
        Parse(() => HtmlParsing.Parse(html), fileName, name);

    private static IngestResult Parse(Func<IHtmlDocument> parse, string fileName, string? name)
    {
        try
        {
            using var document = parse();
            var article = Read(document, WithoutExtension(name ?? Path.GetFileName(fileName))).Validate();
            // A page with a title and nothing else (a section front emptied of its scripts, an error page, a page
            // its site draws with script) would be a hit no reader can use.
            return article.Body is null && article.Lead is null
                ? IngestResult.Failed(fileName, null, "the page holds no article text: nothing but navigation, scripts and the like under <article>, <main> or <body>, and no description")
                : IngestResult.Of(article, fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArticleValidationException)
        {
            return IngestResult.Failed(fileName, null, ex.Message);
        }
    }

    /// <summary><c>2024/a/index.html</c> becomes <c>2024/a/index</c>; a dot in a folder's name stays.</summary>
    private static string WithoutExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > name.LastIndexOf('/') + 1 ? name[..dot] : name;
    }

    private static ArticleDraft Read(IHtmlDocument document, string name)
    {
        string? Meta(string key) =>
            document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        var content = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        // A page's own address names it; one that could not be a link (javascript:, data:) is no address at all.
        var url = (Meta("og:url") ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) is { } address && ArticleDraft.IsLinkable(address) ? address : null;
        var headline = content?.QuerySelector("h1")?.TextContent ?? document.QuerySelector("h1")?.TextContent;
        return new ArticleDraft
        {
            Id = url ?? name,
            Title = Meta("og:title") ?? headline ?? document.Title,
            Lead = Meta("og:description") ?? Meta("description"),
            Body = content is null ? null : HtmlText.ParagraphsOf(content),
            Url = url,
            Source = Meta("og:site_name"),
            Section = Meta("article:section"),
            Author = Meta("author") ?? Meta("article:author"),
            Tags = Keywords(document, Meta("keywords")),
            PublishedAt = Meta("article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        };
    }

    private static IReadOnlyList<string> Keywords(IDocument document, string? keywords)
    {
        var tags = document.QuerySelectorAll("meta[property='article:tag']").Select(meta => meta.GetAttribute("content") ?? "").ToList();
        if (keywords is not null)
        {
            tags.AddRange(keywords.Split([',', '،'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return tags;
    }
}
