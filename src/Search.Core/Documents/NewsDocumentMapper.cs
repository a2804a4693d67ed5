using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Documents;

/// <summary>Turns a <see cref="NewsArticle"/> into a Lucene document and back. The title is indexed on its own (for its
/// extra weight) and, with the lead and body, in the combined <see cref="NewsFields.Text"/>; keywords get doc values for
/// facets and sorting.</summary>
public static class NewsDocumentMapper
{
    /// <summary>Characters of a title kept for suggestions: every headline, and far below Lucene's 32,766-byte limit
    /// on a doc value, whatever a feed sends.</summary>
    public const int MaxSuggestTitleLength = 300;

    /// <summary>How <see cref="NewsFields.PublishedAt"/> is indexed: not stored, at its own precision step. Frozen.</summary>
    private static readonly FieldType PublishedAtType = Frozen(new FieldType(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = NewsFields.PublishedAtPrecisionStep });

    /// <param name="version">The change-log position that wrote the article (<see cref="NewsFields.Version"/>).</param>
    public static Document ToDocument(NewsArticle article, long version = 0)
    {
        var document = new Document
        {
            new StringField(NewsFields.Id, article.Id, Field.Store.YES),
            new SortedDocValuesField(NewsFields.Id, new BytesRef(article.Id)),
            new TextField(NewsFields.Title, article.Title, Field.Store.YES),
            new TextField(NewsFields.Text, article.Title, Field.Store.NO),
            new BinaryDocValuesField(NewsFields.SuggestTitle, new BytesRef(SuggestTitle(article.Title))),
        };

        AddText(document, NewsFields.Lead, article.Lead);
        AddText(document, NewsFields.Body, article.Body);
        AddStored(document, NewsFields.Url, article.Url);
        AddStored(document, NewsFields.Author, article.Author);
        AddSingleKeyword(document, NewsFields.Source, article.Source);
        AddSingleKeyword(document, NewsFields.Section, article.Section);
        foreach (var tag in article.Tags)
        {
            AddKeyword(document, NewsFields.Tag, tag);
        }

        var publishedText = article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture);
        if (article.PublishedAt is { } publishedAt)
        {
            var seconds = publishedAt.ToUnixTimeSeconds();
            document.Add(new Int64Field(NewsFields.PublishedAt, seconds, PublishedAtType));
            document.Add(new NumericDocValuesField(NewsFields.PublishedAt, seconds));
            document.Add(new StoredField(NewsFields.PublishedAtText, publishedText));
        }

        document.Add(new BinaryDocValuesField(NewsFields.Listing, ListingValue.Encode(string.IsNullOrWhiteSpace(article.Url) ? null : article.Url, publishedText)));

        document.Add(new NumericDocValuesField(NewsFields.NearDuplicateHash, NearDuplicateHash.Of(article)));
        if (version != 0)
        {
            // Only a logged write has a position. An article imported from files (0) has neither field, read back as 0
            // all the same (VersionOf, IndexChecksum), which spares it a doc value that Lucene.Net's writer follows by
            // measuring its own memory by reflection (about 1.5 % of an import's indexing thread a doc-values field).
            document.Add(new NumericDocValuesField(NewsFields.Version, version));
            document.Add(new StoredField(NewsFields.Version, version));
        }

        return document;
    }

    /// <summary>The change-log position stored with the article; 0 when none was.</summary>
    public static long VersionOf(Document document) => document.GetField(NewsFields.Version)?.GetInt64Value() ?? 0;

    public static NewsArticle ToArticle(Document document)
    {
        var published = document.Get(NewsFields.PublishedAtText);
        return new NewsArticle
        {
            Id = document.Get(NewsFields.Id),
            Title = document.Get(NewsFields.Title),
            Lead = document.Get(NewsFields.Lead),
            Body = document.Get(NewsFields.Body),
            Url = document.Get(NewsFields.Url),
            Source = document.Get(NewsFields.Source),
            Section = document.Get(NewsFields.Section),
            Author = document.Get(NewsFields.Author),
            Tags = document.GetValues(NewsFields.Tag),
            PublishedAt = PublishedAt(published),
        };
    }

    /// <summary>A publication time as <see cref="NewsFields.PublishedAtText"/> holds it (ISO 8601 with its offset).</summary>
    internal static DateTimeOffset? PublishedAt(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Ends a title that <see cref="SuggestTitle"/> cut, so a reader knows to fetch the whole stored one.</summary>
    public const char SuggestTitleCut = '…';

    /// <summary>The title, or when longer than <see cref="MaxSuggestTitleLength"/> its start up to the last space
    /// before that, so no word is cut in two, followed by <see cref="SuggestTitleCut"/>.</summary>
    internal static string SuggestTitle(string title)
    {
        if (title.Length <= MaxSuggestTitleLength)
        {
            return title;
        }

        var space = title.LastIndexOf(' ', MaxSuggestTitleLength);
        var end = space > 0 ? space : MaxSuggestTitleLength;
        return string.Concat(title.AsSpan(0, char.IsLowSurrogate(title[end]) ? end - 1 : end), SuggestTitleCut.ToString());
    }

    private static void AddText(Document document, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        document.Add(new StoredField(field, text));
        document.Add(new TextField(NewsFields.Text, text, Field.Store.NO));
    }

    private static void AddStored(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new StoredField(field, value));
        }
    }

    /// <summary>A keyword an article has at most one of: a single ordinal per document makes facet counting cheap.</summary>
    private static void AddSingleKeyword(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static void AddKeyword(Document document, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
