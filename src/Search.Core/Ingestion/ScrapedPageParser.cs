using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Search.Core.Analysis;

namespace Search.Core.Ingestion;

/// <summary>
/// Extracts an article from a page scraped to plain text (one line per block, as in <c>scraped-news-page.txt</c>): the
/// site name on the first line, a printed date, navigation bullets, the section, the headline, the body paragraphs, the
/// tags line, and ads and repeated boilerplate, which are dropped.
/// </summary>
/// <remarks>
/// The id is derived from the site, headline and date, so scraping the same page again replaces it rather than adding a copy.
/// Page dates carry no time zone; the caller supplies the offset to give them.
/// </remarks>
public static partial class ScrapedPageParser
{
    private const int MinParagraphWords = 6;
    private const int MaxHeaderLines = 8;
    private static readonly string[] MastheadPrefixes = ["رئيس التحرير", "رئيس مجلس الإدارة", "رئيسة التحرير", "المدير العام", "مدير التحرير"];

    public static IngestResult ParseFile(string path, TimeSpan pageUtcOffset) =>
        Parse(File.ReadAllText(path, Encoding.UTF8), path, pageUtcOffset);

    public static IngestResult Parse(string text, string fileName, TimeSpan pageUtcOffset)
    {
        var lines = text.Split('\n')
            .Select(line => line.Replace('\u00A0', ' ').Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (lines.Count < 3)
        {
            return IngestResult.Failed(fileName, null, "not a scraped article page: fewer than three non-empty lines");
        }

        var dateIndex = lines.Take(MaxHeaderLines).ToList().FindIndex(line => ArabicDateParser.TryParse(line, pageUtcOffset, out _));
        if (dateIndex < 0)
        {
            return IngestResult.Failed(fileName, null, $"no publication date found in the first {MaxHeaderLines} lines");
        }

        // A page that begins with its date has lost its site line: no source, rather than the date as one.
        var site = dateIndex > 0 ? lines[0] : null;

        ArabicDateParser.TryParse(lines[dateIndex], pageUtcOffset, out var publishedAt);
        var repeated = lines.GroupBy(line => line, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet(StringComparer.Ordinal);
        bool IsBoilerplate(string line) =>
            line == site || repeated.Contains(line) || IsNavigation(line) || IsMasthead(line) || IsNoise(line);

        var bodyStart = lines.FindIndex(dateIndex + 1, IsParagraph);
        if (bodyStart < 0)
        {
            return IngestResult.Failed(fileName, null, "no body paragraphs found");
        }

        var headerLines = lines.Skip(dateIndex + 1).Take(bodyStart - dateIndex - 1).Where(line => !IsBoilerplate(line)).ToList();
        if (headerLines.Count == 0)
        {
            return IngestResult.Failed(fileName, null, "no headline found before the body");
        }

        var title = headerLines[^1];
        var section = headerLines.Count > 1 && WordCount(headerLines[^2]) <= 3 ? headerLines[^2] : null;

        var bodyEnd = lines.FindLastIndex(IsParagraph);
        var paragraphs = lines.Skip(bodyStart).Take(bodyEnd - bodyStart + 1).Where(line => !IsBoilerplate(line)).ToList();
        var trailing = lines.Skip(bodyEnd + 1).Where(line => !IsBoilerplate(line)).ToList();
        var articleText = FoldedWords(title + " " + string.Join(" ", paragraphs));

        var draft = new ArticleDraft
        {
            Id = "page-" + StableKey(site, title, publishedAt),
            Title = title,
            Body = string.Join("\n", paragraphs),
            Source = site,
            Section = section,
            Tags = FindTags(trailing, articleText),
            PublishedAtValue = publishedAt,
        };

        try
        {
            return IngestResult.Of(draft.Validate(), fileName);
        }
        catch (ArticleValidationException ex)
        {
            return IngestResult.Failed(fileName, null, ex.Message);
        }
    }

    /// <summary>
    /// The tags line is the short line after the body whose words mostly occur in the article; its words are
    /// regrouped into the longest phrases the article contains (وزير الاتصالات, عمرو طلعت), since the scrape joined the
    /// tag links with spaces.
    /// </summary>
    private static IReadOnlyList<string> FindTags(List<string> trailing, string articleText)
    {
        var best = trailing
            .Select(line => (Line: line, Words: line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(candidate => candidate.Words.Length >= 2)
            .Select(candidate => (candidate.Line, candidate.Words, Share: candidate.Words.Count(word => ContainsPhrase(articleText, word)) / (double)candidate.Words.Length))
            .Where(candidate => candidate.Share >= 0.5)
            .OrderByDescending(candidate => candidate.Share)
            .FirstOrDefault();
        if (best.Words is null)
        {
            return [];
        }

        var tags = new List<string>();
        for (var i = 0; i < best.Words.Length;)
        {
            var length = Math.Min(3, best.Words.Length - i);
            while (length > 1 && !ContainsPhrase(articleText, string.Join(' ', best.Words, i, length)))
            {
                length--;
            }

            tags.Add(string.Join(' ', best.Words, i, length));
            i += length;
        }

        return tags;
    }

    private static bool ContainsPhrase(string foldedText, string phrase) =>
        foldedText.Contains(" " + FoldedWords(phrase).Trim() + " ", StringComparison.Ordinal);

    /// <summary>Folded text with punctuation turned into spaces and a space at each end, for whole-word lookups.</summary>
    private static string FoldedWords(string text) => " " + NonWord().Replace(ArabicOrthography.Fold(text), " ") + " ";

    private static bool IsParagraph(string line)
    {
        var words = WordCount(line);
        return words >= 15 || (words >= MinParagraphWords && line[^1] is '.' or '؟' or '?' or '!' or ':' or '؛' or '»' or '"');
    }

    private static bool IsNavigation(string line) => line[0] is '•' or '·' or '▪' or '►' or '*' or '|' or '»';

    private static bool IsMasthead(string line) => MastheadPrefixes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Lines made of one word repeated (<c>tech tech tech</c>) or of a short Latin word or two (sponsor logos).</summary>
    private static bool IsNoise(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words.All(word => word == words[0]))
        {
            return true;
        }

        return words.Length <= 2 && !line.Any(ArabicOrthography.IsArabicLetter);
    }

    private static int WordCount(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string StableKey(string? site, string title, DateTimeOffset publishedAt)
    {
        // The id of a page that carries none: folded as the first release folded, so a page read again keeps its id.
        var key = $"{ArabicOrthography.FoldKeepingHamzaSeats(site ?? "")}\n{ArabicOrthography.FoldKeepingHamzaSeats(title)}\n{publishedAt:O}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 10));
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();
}
