using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Search.Core.Ingestion;

/// <summary>
/// Extracts an article from a saved HTML page: Open Graph and <c>article:*</c> metadata first, then the page's own
/// <c>&lt;article&gt;</c>, <c>&lt;h1&gt;</c> and <c>&lt;time&gt;</c>; navigation, asides, scripts and footers are dropped.
/// The id is the canonical URL when the page has one, else the file name.
/// </summary>
public static class HtmlArticleParser
{
    public static IngestResult ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static IngestResult Parse(string html, string fileName)
    {
        try
        {
            using var document = HtmlParsing.Parse(html);
            return IngestResult.Of(Read(document, fileName).Validate(), fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArticleValidationException)
        {
            return IngestResult.Failed(fileName, null, ex.Message);
        }
    }

    private static ArticleDraft Read(IHtmlDocument document, string fileName)
    {
        string? Meta(string key) =>
            document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        var content = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        // A page's own address names it; one that could not be a link (javascript:, data:) is no address at all.
        var url = (Meta("og:url") ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) is { } address && ArticleDraft.IsLinkable(address) ? address : null;
        var headline = content?.QuerySelector("h1")?.TextContent ?? document.QuerySelector("h1")?.TextContent;
        return new ArticleDraft
        {
            Id = url ?? Path.GetFileNameWithoutExtension(fileName),
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
