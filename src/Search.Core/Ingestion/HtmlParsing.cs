using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Search.Core.Ingestion;

/// <summary>
/// Every page, feed item and extracted article the service reads is parsed here: AngleSharp's HTML5 parser, as
/// browsers parse, except that a document nesting its elements deeper than <see cref="MaxDepth"/>, or holding more
/// than <see cref="MaxElements"/> of them, is refused as soon as the parser gets there.
/// </summary>
/// <remarks>
/// Both bounds keep a hostile page from costing minutes of CPU. AngleSharp stops nesting the tree at 511 levels, but its
/// stack of open elements keeps growing and it searches that stack for many tags: 10,000 nested <c>div</c>s took
/// 0.65 s to parse, 50,000 took 4–7 s. Readability (SmartReader) grows with the square of the element count on
/// nested lists: 20,000 elements 3.5 s, 128,000 elements (a 1.2 MB page) 146 s. Real article pages hold a few thousand
/// elements, a few dozen levels deep.
/// </remarks>
public static class HtmlParsing
{
    public const int MaxDepth = 256;

    public const int MaxElements = 20_000;

    /// <exception cref="InvalidDataException">The page nests deeper than <see cref="MaxDepth"/> or holds more than
    /// <see cref="MaxElements"/> elements.</exception>
    public static IHtmlDocument Parse(string html) => BoundedParser().ParseDocument(html);

    /// <param name="html">The page's bytes.</param>
    /// <param name="encoding">The encoding the server named; null lets the page's byte order mark or meta tag tell.</param>
    /// <exception cref="InvalidDataException">The page nests deeper than <see cref="MaxDepth"/> or holds more than
    /// <see cref="MaxElements"/> elements.</exception>
    public static IHtmlDocument Parse(byte[] html, Encoding? encoding) =>
        encoding is null
            ? BoundedParser().ParseDocument(new MemoryStream(html, writable: false))
            : BoundedParser().ParseDocument(encoding.GetString(html));

    private static HtmlParser BoundedParser()
    {
        // An element is measured, by its ancestors up to the bound, when the next one is created: by then the tree
        // builder has placed it. The walk costs at most what the tree builder's own searches of its stack cost.
        IElement? previous = null;
        var created = 0;
        return new HtmlParser(new HtmlParserOptions
        {
            OnCreated = (element, _) =>
            {
                if (++created > MaxElements)
                {
                    throw new InvalidDataException($"The HTML holds more than {MaxElements:N0} elements.");
                }

                if (previous is not null && IsDeeperThanMax(previous))
                {
                    throw new InvalidDataException($"The HTML nests its elements more than {MaxDepth} deep.");
                }

                previous = element;
            },
        });
    }

    private static bool IsDeeperThanMax(IElement element)
    {
        var depth = 0;
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (++depth > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }
}
