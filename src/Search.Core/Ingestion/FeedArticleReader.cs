using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Search.Core.Ingestion;

/// <summary>
/// Reads RSS 2.0 and Atom feeds with <see cref="SyndicationFeed"/>. The full text comes from <c>content:encoded</c>
/// (RSS) or the entry's content (Atom), falling back to the summary; the first category is the section, the others
/// tags, and the feed's title the source. DTDs are refused, so a hostile feed cannot expand entities.
/// </summary>
public static class FeedArticleReader
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
    /// Parses an RSS 2.0 or Atom document; the encoding comes from its BOM or XML declaration. A date the standard
    /// parsers refuse is read as ISO 8601, RFC 822 or Arabic words, and failing those is left out: feeds in the wild
    /// write dates every way, and one odd date must not lose the whole feed.
    /// </summary>
    /// <exception cref="XmlException">Not well-formed XML, it declares a DTD, or it is neither RSS 2.0 nor Atom.</exception>
    /// <exception cref="FormatException">RSS or Atom with a value of the wrong form.</exception>
    public static SyndicationFeed Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        foreach (var formatter in (SyndicationFeedFormatter[])[new Rss20FeedFormatter(), new Atom10FeedFormatter()])
        {
            if (formatter.CanRead(reader))
            {
                var standard = formatter.DateTimeParser;
                formatter.DateTimeParser = (XmlDateTimeData date, out DateTimeOffset value) =>
                    standard(date, out value) || ReadOrLeaveOut(date.DateTimeString, out value);
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
            return IngestResult.Failed(path, null, $"item {index + 1}: {ex.Message}");
        }
    }

    /// <returns>Always true: a date that cannot be read is left out (the default value), not an error.</returns>
    private static bool ReadOrLeaveOut(string text, out DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            && !Rfc822Date.TryParse(text, out value)
            && !ArabicDateParser.TryParse(text, TimeSpan.Zero, out value))
        {
            value = default;
        }

        return true;
    }

    private static string? ContentEncoded(SyndicationItem item) =>
        item.ElementExtensions
            .Where(extension => extension.OuterName == "encoded" && extension.OuterNamespace == ContentNamespace)
            .Select(extension => extension.GetObject<string>())
            .FirstOrDefault();
}
