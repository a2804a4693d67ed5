using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;

namespace Search.Core.Ingestion;

/// <summary>
/// Reads RSS 2.0 and Atom feeds with <see cref="SyndicationFeed"/>. The full text comes from <c>content:encoded</c>
/// (RSS) or the entry's content (Atom), falling back to the summary; the first category is the section, the others
/// tags, and the feed's title the source. DTDs are refused, so a hostile feed cannot expand entities.
/// </summary>
public static partial class FeedArticleReader
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public static IEnumerable<IngestResult> ReadFile(string path)
    {
        SyndicationFeed feed;
        try
        {
            using var stream = File.OpenRead(path);
            feed = Load(stream);
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            // An XmlException without a position says line 0 (ours for a root neither RSS nor Atom, for one): the report then
            // names the file alone.
            var line = ex is XmlException { LineNumber: > 0 } xml ? xml.LineNumber : (int?)null;
            return [IngestResult.Failed(path, line, $"not a readable RSS or Atom feed: {ex.Message}")];
        }

        return feed.Items.Select((item, index) => ReadItem(feed, item, path, index));
    }

    /// <summary>
    /// Parses an RSS 2.0 or Atom document; the encoding comes from its BOM or XML declaration, windows-1256 and
    /// ISO-8859-6 included. A date the standard parsers refuse is read as ISO 8601, RFC 822 or Arabic words, and failing
    /// those (or naming no year) is left out: feeds in the wild write dates every way, and one odd date must
    /// not lose the whole feed. An item that cannot be read (a link that is not a URI, an enclosure length that is not a
    /// number) is kept with its line and its problem, which <see cref="ReadItem"/> reports, and the others are read.
    /// </summary>
    /// <exception cref="XmlException">Not well-formed XML, it declares a DTD, or it is neither RSS 2.0 nor Atom.</exception>
    /// <exception cref="FormatException">RSS or Atom with a value of the wrong form outside the items.</exception>
    public static SyndicationFeed Load(Stream stream)
    {
        CodePages.Register();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var unreadableUris = new List<XmlUriData>();
        foreach (var formatter in (SyndicationFeedFormatter[])[new ItemByItemRss20Formatter(unreadableUris), new ItemByItemAtom10Formatter(unreadableUris)])
        {
            if (formatter.CanRead(reader))
            {
                var standard = formatter.DateTimeParser;
                formatter.DateTimeParser = (XmlDateTimeData date, out DateTimeOffset value) =>
                    (HasYear(date.DateTimeString) && standard(date, out value)) || ReadOrLeaveOut(date.DateTimeString, out value);

                // The standard parser throws on a URI it cannot read, which lost the whole feed to one item's link. One
                // is left out instead (null), and noted for the item being read.
                formatter.UriParser = (XmlUriData data, out Uri uri) =>
                {
                    if (!Uri.TryCreate(data.UriString, data.UriKind, out uri!))
                    {
                        unreadableUris.Add(data);
                    }

                    return true;
                };
                formatter.ReadFrom(reader);
                return formatter.Feed;
            }
        }

        throw new XmlException($"The root element '{reader.LocalName}' is neither RSS 2.0 nor Atom.");
    }

    /// <summary>The article in the feed's <paramref name="index"/>-th (0-based) item, or why it is skipped.</summary>
    /// <param name="path">Where the feed came from, to name it in a problem.</param>
    public static IngestResult ReadItem(SyndicationFeed feed, SyndicationItem item, string path, int index)
    {
        var line = (item as LineItem)?.Line;
        if (item is LineItem { Problem: { } problem })
        {
            return IngestResult.Failed(path, line, $"item {index + 1}: {problem}");
        }

        var link = item.Links.FirstOrDefault()?.Uri?.ToString();
        var encoded = ContentEncoded(item);
        var content = (item.Content as TextSyndicationContent)?.Text;

        // An RSS item without a link gets its description moved into Content by SyndicationFeed; beside
        // content:encoded it is still the summary.
        var summary = item.Summary?.Text ?? (encoded is null ? null : content);
        var categories = item.Categories.Select(category => category.Name).Where(name => !string.IsNullOrWhiteSpace(name)).ToList();
        try
        {
            return IngestResult.Of(new ArticleDraft
            {
                Id = string.IsNullOrWhiteSpace(item.Id) ? link : item.Id,
                Title = item.Title?.Text,
                Lead = summary is null ? null : HtmlText.Collapse(HtmlText.ToParagraphs(summary)),
                Body = (encoded ?? content) is { } html ? HtmlText.ToParagraphs(html) : null,
                Url = link,
                Source = feed.Title?.Text,
                Section = categories.FirstOrDefault(),
                Tags = categories.Skip(1).ToList(),
                Author = item.Authors.Select(author => author.Name ?? author.Email).FirstOrDefault(name => !string.IsNullOrWhiteSpace(name)),
                PublishedAtValue = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : null,
            }.Validate(), path);
        }
        catch (Exception ex) when (ex is ArticleValidationException or InvalidDataException)
        {
            return IngestResult.Failed(path, line, $"item {index + 1}: {ex.Message}");
        }
    }

    /// <returns>Always true: a date that cannot be read is left out (the default value), not an error.</returns>
    private static bool ReadOrLeaveOut(string text, out DateTimeOffset value)
    {
        if (!(HasYear(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            && !Rfc822Date.TryParse(text, out value)
            && !ArabicDateParser.TryParse(text, TimeSpan.Zero, out value))
        {
            value = default;
        }

        return true;
    }

    /// <summary>
    /// Whether a date names its year: four digits in a row, or RFC 822's two (<c>05 Nov 24 08:15</c>). .NET's parsers,
    /// the standard RSS one included, fill in what a date leaves out, so <c>1.5</c> was 5 January of the current year
    /// and sorted as the newest story. (<see cref="Rfc822Date"/> and <see cref="ArabicDateParser"/> require a year.)
    /// </summary>
    private static bool HasYear(string text) => TwoDigitYear().IsMatch(text) || NumericDate.HasYear(text);

    /// <summary>
    /// Reads one item from a reader of its own, so that what goes wrong inside it (a value of the wrong form, which
    /// the formatters throw as an <see cref="XmlException"/> for the whole feed) stays with it: the item comes back
    /// empty with its <see cref="LineItem.Problem"/>, and the next one is read. XML that is not well-formed still
    /// throws, as nothing after it can be read.
    /// </summary>
    /// <param name="unreadableUris">Filled by the formatter's URI parser; emptied here for each item.</param>
    private static LineItem ReadOnItsOwn(XmlReader reader, SyndicationFeed feed, Func<XmlReader, SyndicationFeed, SyndicationItem> read, List<XmlUriData> unreadableUris)
    {
        reader.MoveToContent();
        var line = (reader as IXmlLineInfo)?.LineNumber;
        unreadableUris.Clear();
        LineItem item;
        using (var subtree = reader.ReadSubtree())
        {
            try
            {
                item = (LineItem)read(subtree, feed);

                // The item's link (or its permalink guid) is its address, and the fallback for its id: an item whose
                // link cannot be read is refused, as one whose link is javascript: is.
                if (item.Links.FirstOrDefault() is { Uri: null }
                    && unreadableUris.FirstOrDefault(uri => uri.ElementQualifiedName.Name is "link" or "guid") is { } link)
                {
                    item.Problem = $"link '{Truncate(link.UriString)}' is not a valid URI";
                }
            }
            catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException && reader.ReadState != ReadState.Error)
            {
                item = new LineItem { Problem = $"not a readable item: {Reason(ex)}" };
            }
        }

        // Closing the subtree left the reader on the item's end tag (or on the item, if empty).
        reader.Read();
        item.Line = line;
        return item;
    }

    /// <summary>The formatters' messages name the line and position of the feed where the item ended, which the
    /// problem names already; what went wrong is in the inner exception.</summary>
    private static string Reason(Exception ex) => ex.InnerException is { } inner ? inner.Message : ex.Message;

    [GeneratedRegex(@"\b[0-9]{1,2}\s+[A-Za-z]{3}\s+[0-9]{2}\s+[0-9]{1,2}:[0-9]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitYear();

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static string? ContentEncoded(SyndicationItem item) =>
        item.ElementExtensions
            .Where(extension => extension.OuterName == "encoded" && extension.OuterNamespace == ContentNamespace)
            .Select(extension => extension.GetObject<string>())
            .FirstOrDefault();

    /// <summary>An item as read here: where it starts in the feed, and why it could not be read when it could not.</summary>
    private sealed class LineItem : SyndicationItem
    {
        public int? Line { get; set; }

        public string? Problem { get; set; }
    }

    /// <summary>A feed whose items are <see cref="LineItem"/>s; the formatters create it by its type.</summary>
    private sealed class LineFeed : SyndicationFeed
    {
        protected override SyndicationItem CreateItem() => new LineItem();
    }

    private sealed class ItemByItemRss20Formatter(List<XmlUriData> unreadableUris) : Rss20FeedFormatter(typeof(LineFeed))
    {
        protected override SyndicationItem ReadItem(XmlReader reader, SyndicationFeed feed) =>
            ReadOnItsOwn(reader, feed, (subtree, owner) => base.ReadItem(subtree, owner), unreadableUris);
    }

    private sealed class ItemByItemAtom10Formatter(List<XmlUriData> unreadableUris) : Atom10FeedFormatter(typeof(LineFeed))
    {
        protected override SyndicationItem ReadItem(XmlReader reader, SyndicationFeed feed) =>
            ReadOnItsOwn(reader, feed, (subtree, owner) => base.ReadItem(subtree, owner), unreadableUris);
    }
}
