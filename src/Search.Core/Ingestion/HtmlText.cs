using AngleSharp.Dom;

namespace Search.Core.Ingestion;

/// <summary>Plain text out of HTML: one line per paragraph-like block, whitespace collapsed, scripts and chrome left out.</summary>
public static class HtmlText
{
    private const string Blocks = "p, h2, h3, h4, li, blockquote";
    private const string Chrome = "script, style, noscript, nav, header, footer, aside, form, figure, iframe";

    /// <exception cref="InvalidDataException">The elements nest deeper than <see cref="HtmlParsing.MaxDepth"/>.</exception>
    public static string ToParagraphs(string html)
    {
        using var document = HtmlParsing.Parse(html);
        return ParagraphsOf(document.Body ?? document.DocumentElement);
    }

    public static string ParagraphsOf(IElement root)
    {
        foreach (var chrome in root.QuerySelectorAll(Chrome).ToList())
        {
            chrome.Remove();
        }

        var blocks = root.QuerySelectorAll(Blocks)
            .Where(block => block.QuerySelector(Blocks) is null)
            .Select(block => Collapse(block.TextContent))
            .Where(text => text.Length > 0)
            .ToList();
        return blocks.Count > 0 ? string.Join("\n", blocks) : Collapse(root.TextContent);
    }

    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
