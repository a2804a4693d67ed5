using System.Buffers;
using System.Globalization;
using Search.Core.Documents;

namespace Search.Core.Ingestion;

/// <summary>Raw field values as a reader found them; <see cref="Validate"/> turns them into a <see cref="NewsArticle"/>
/// with the same rules for every input format.</summary>
public sealed record ArticleDraft
{
    public const int MaxIdLength = 512;

    /// <summary>Longest source, section or tag: each is one term with doc values, which Lucene caps at 32,766 bytes of
    /// UTF-8 by throwing from the writer, and no real one comes near this.</summary>
    public const int MaxKeywordLength = 512;

    /// <summary>Longest title: every hit, suggestion and list shows it whole (a hit twice, as text and highlighted), so
    /// 100 titles of half a million characters made one public 100-hit search answer 279 MB. Real headlines stay under
    /// 130 characters.</summary>
    public const int MaxTitleLength = 1_000;

    /// <summary>Most tags an article may hold: each is a term and a doc value of its own, and one bulk request of 30
    /// articles with 90,000 tags each held every other write for 16 s and grew the service by 2.4 GB. A search filters
    /// on at most 100 tags too.</summary>
    public const int MaxTags = 100;

    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Lead { get; init; }

    public string? Body { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    public string? Section { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The date as written; parsed by <see cref="Validate"/>.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>An already-parsed date, used by formats whose library parses it (feeds).</summary>
    public DateTimeOffset? PublishedAtValue { get; init; }

    /// <exception cref="ArticleValidationException">No id or title, an over-long id, title, source, section or tag, over
    /// <see cref="MaxTags"/> tags, a field holding a lone surrogate, or a date that does not parse.</exception>
    public NewsArticle Validate()
    {
        RequireValidUnicode();
        // Trimmed only: an id keeps every character, so one holding a control character is refused, not silently
        // made into another article's id.
        var id = (string.IsNullOrWhiteSpace(Id) ? null : Id.Trim()) ?? throw new ArticleValidationException("missing required field 'id'", "id");
        if (id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            throw new ArticleValidationException($"'id' must be at most {MaxIdLength} characters without control characters", "id");
        }

        var title = Clean(Title) ?? throw new ArticleValidationException("missing required field 'title'", "title");
        if (title.Length > MaxTitleLength)
        {
            throw new ArticleValidationException($"'title' must be at most {MaxTitleLength:N0} characters; it has {title.Length:N0}", "title");
        }

        return new NewsArticle
        {
            Id = id,
            Title = title,
            Lead = Clean(Lead),
            Body = Clean(Body),
            Url = Link(Url),
            Source = Keyword("source", Source),
            Section = Keyword("section", Section),
            Author = Clean(Author),
            Tags = TagList(),
            PublishedAt = PublishedAtValue ?? ParseDate(PublishedAt),
        };
    }

    /// <summary>Why a field holding a lone surrogate is refused, in the words every reader uses.</summary>
    internal static string LoneSurrogateMessage(string field) =>
        $"field '{field}' is not valid Unicode text: it holds a lone surrogate (an unpaired code unit in U+D800–U+DFFF)";

    /// <summary>
    /// A lone surrogate is text cut in the middle of a character (often an emoji truncated by the producer). It is
    /// refused rather than replaced, so what is indexed is what was sent, and the report says which field to fix.
    /// </summary>
    private void RequireValidUnicode()
    {
        (string Name, string? Value)[] fields =
        [
            ("id", Id), ("title", Title), ("lead", Lead), ("body", Body), ("url", Url), ("source", Source), ("section", Section),
            ("author", Author), ("publishedAt", PublishedAt),
        ];
        foreach (var (name, value) in fields.Concat(Tags.Select(tag => ("tags", (string?)tag))))
        {
            if (value is not null && LoneSurrogates.In(value))
            {
                throw new ArticleValidationException(LoneSurrogateMessage(name), name);
            }
        }
    }

    private static DateTimeOffset? ParseDate(string? text)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        // A date without an offset is taken as UTC rather than the machine's zone, so the result does not depend on
        // where the indexer runs.
        if (NumericDate.TryParse(value, out var parsed)
            || (NumericDate.HasYear(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed)))
        {
            return parsed;
        }

        return ArabicDateParser.TryParse(value, TimeSpan.Zero, out parsed) || Rfc822Date.TryParse(value, out parsed)
            ? parsed
            : throw new ArticleValidationException(
                $"unparseable date '{Truncate(value)}': expected ISO 8601 (2024-11-22T10:30:00+03:00), RFC 822 (Fri, 22 Nov 2024 10:30:00 +0300) or an Arabic date (22 نوفمبر 2024)",
                "publishedAt");
    }

    /// <summary>
    /// Whether a URL may be stored as an article's link: an http or https address, or a relative one. The search page
    /// and API clients make it a link, where a <c>javascript:</c> or <c>data:</c> one would run whatever it holds.
    /// Browsers drop tabs and line breaks anywhere in a URL and controls and spaces before it, so
    /// <c>java&#9;script:</c> is a script link too and is read as one here.
    /// </summary>
    internal static bool IsLinkable(string url)
    {
        // Every article has a URL: no copy unless it holds what a browser drops (1.5 % of an import's reading thread).
        var plain = url.AsSpan().ContainsAny(BrowserDropped) ? string.Concat(url.Where(c => !BrowserDropped.Contains(c))) : url;
        var trimmed = plain.AsSpan().TrimStart(Controls);
        var colon = trimmed.IndexOf(':');
        var scheme = colon < 0 ? [] : trimmed[..colon];

        // A colon after a character no scheme holds ('/', '?', '#', …) is part of a relative path or query.
        var hasScheme = scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && !scheme.ContainsAnyExcept(SchemeCharacters);
        return !hasScheme || scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly SearchValues<char> BrowserDropped = SearchValues.Create("\t\n\r");

    private static readonly char[] Controls = [.. Enumerable.Range(0, 0x21).Select(code => (char)code)];

    private static readonly SearchValues<char> SchemeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static string? Link(string? value)
    {
        var url = Clean(value);
        return url is null || IsLinkable(url)
            ? url
            : throw new ArticleValidationException($"'url' must be an http or https address (or a relative one), not '{Truncate(url)}'", "url");
    }

    private string[] TagList()
    {
        string[] tags = [.. Tags.Select(tag => Keyword("tags", tag)).OfType<string>().Distinct(StringComparer.Ordinal)];
        return tags.Length > MaxTags
            ? throw new ArticleValidationException($"'tags' must hold at most {MaxTags} tags; it has {tags.Length:N0}", "tags")
            : tags;
    }

    private static string? Keyword(string field, string? value)
    {
        var keyword = Clean(value);
        return keyword is { Length: > MaxKeywordLength }
            ? throw new ArticleValidationException($"'{field}' must be at most {MaxKeywordLength} characters; one has {keyword.Length}", field)
            : keyword;
    }

    /// <summary>Control characters other than tabs and line breaks: a NUL from an escaped <c>\u0000</c> would reach the
    /// suggestions and every page that shows the text.</summary>
    private static readonly SearchValues<char> StrayControls = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))]);

    /// <summary>Trimmed and without <see cref="StrayControls"/>; null when nothing is left.</summary>
    private static string? Clean(string? value)
    {
        if (value is not null && value.AsSpan().ContainsAny(StrayControls))
        {
            value = string.Concat(value.Where(c => !StrayControls.Contains(c)));
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
