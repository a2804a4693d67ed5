using System.Text;
using System.Text.Unicode;
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

    // Arabic sites still serve and save windows-1256 and ISO-8859-6, which .NET knows only through the code-pages
    // provider; AngleSharp looks a page's meta charset up by name, so the provider is in place before any parse.
    static HtmlParsing() => CodePages.Register();

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

    /// <summary>
    /// Parses a saved page's bytes, decoded as a browser would, except that nothing is ever read as U+FFFD: a byte order
    /// mark first, then UTF-8 for bytes that are valid UTF-8, then the charset the page declares (a meta tag, found by
    /// AngleSharp). Bytes that declare UTF-8, or nothing, and are not UTF-8 are read as Windows-1256 when they look
    /// like it, and refused otherwise.
    /// </summary>
    /// <remarks>Valid UTF-8 outranks a declared charset: legacy Arabic text is all but never valid UTF-8 by chance,
    /// while a page converted to UTF-8 often keeps its old meta tag.</remarks>
    /// <exception cref="InvalidDataException">The bytes are not in the encoding the page declares, or declare none
    /// and are neither UTF-8 nor Windows-1256 (the message names the problem and the fix); or the page is refused as
    /// <see cref="Parse(string)"/> refuses it.</exception>
    public static IHtmlDocument ParseSaved(byte[] page) => Parse(Decode(page));

    /// <summary>The encoding a server or page names, or null when .NET does not know the name.</summary>
    public static Encoding? EncodingNamed(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Decode(byte[] page)
    {
        var bytes = page.AsSpan();
        if (InvalidUtf8.HasUtf16ByteOrderMark(bytes))
        {
            return Strict(bytes[0] == 0xFE ? Encoding.BigEndianUnicode : Encoding.Unicode, bytes[2..]);
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // AngleSharp reads the meta tag (or http-equiv content-type) as browsers do, and names the encoding it chose:
        // UTF-8 when the page declares none.
        using (var sniffed = BoundedParser().ParseDocument(new MemoryStream(page, writable: false)))
        {
            if (EncodingNamed(sniffed.CharacterSet) is { CodePage: not 65001 } declared)
            {
                return Strict(declared, bytes);
            }
        }

        if (InvalidUtf8.LooksLikeWindows1256(bytes))
        {
            return Encoding.GetEncoding(1256).GetString(bytes);
        }

        throw new InvalidDataException(InvalidUtf8.Describe(bytes, "file"));
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"not valid {encoding.WebName}, the encoding the page names (convert the file to UTF-8)");
        }
    }

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
