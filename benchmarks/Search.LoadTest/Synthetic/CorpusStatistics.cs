using System.Text.RegularExpressions;
using Search.Core.Documents;

namespace Search.LoadTest.Synthetic;

/// <summary>
/// What the generator learns from a real corpus at run time: word frequencies, Heaps' law for vocabulary growth, article
/// shapes, punctuation rates, and the spread of sources, sections and dates. Only counts and words are kept, never text.
/// </summary>
public sealed partial class CorpusStatistics
{
    private CorpusStatistics()
    {
    }

    /// <summary>Every distinct word, most frequent first (ties in ordinal order), with its count.</summary>
    public required IReadOnlyList<(string Word, long Count)> RankedWords { get; init; }

    public required long Tokens { get; init; }

    public required IReadOnlyList<LengthProfile> Profiles { get; init; }

    /// <summary>Heaps' law V = K·n^β, fitted on the vocabulary size as the corpus is read.</summary>
    public required double HeapsK { get; init; }

    public required double HeapsBeta { get; init; }

    /// <summary>Probability that a body word ends a sentence (<c>. ؟ ? !</c>).</summary>
    public required double SentenceEndRate { get; init; }

    /// <summary>Probability that a body word is followed by a comma (<c>، ,</c>).</summary>
    public required double CommaRate { get; init; }

    /// <summary>Probability that a sentence end also ends a paragraph.</summary>
    public required double ParagraphPerSentence { get; init; }

    public required IReadOnlyList<(string? Value, int Count)> Sources { get; init; }

    public required IReadOnlyList<(string? Value, int Count)> Sections { get; init; }

    public required DateTimeOffset FirstDate { get; init; }

    public required DateTimeOffset LastDate { get; init; }

    public double MeanTokensPerArticle => Profiles.Count == 0 ? 0 : (double)Tokens / Profiles.Count;

    public static CorpusStatistics Learn(IEnumerable<NewsArticle> articles)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var profiles = new List<LengthProfile>();
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkpoints = new List<(double Tokens, double Vocabulary)>();
        long tokens = 0, bodyTokens = 0, sentenceEnds = 0, commas = 0, paragraphBreaks = 0;
        var nextCheckpoint = 1L << 14;
        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;

        int Count(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return 0;
            }

            var n = 0;
            foreach (var match in Words().EnumerateMatches(text))
            {
                var word = text.Substring(match.Index, match.Length);
                counts[word] = counts.GetValueOrDefault(word) + 1;
                n++;
                if (++tokens == nextCheckpoint)
                {
                    checkpoints.Add((tokens, counts.Count));
                    nextCheckpoint *= 2;
                }
            }

            return n;
        }

        foreach (var article in articles)
        {
            var title = Count(article.Title);
            var lead = Count(article.Lead);
            var body = Count(article.Body);
            var repeats = lead > 0 && body > 0 && article.Body!.StartsWith(article.Lead!.Trim(), StringComparison.Ordinal);
            profiles.Add(new LengthProfile(title, lead, body, repeats));
            if (article.Body is { } text)
            {
                bodyTokens += body;
                sentenceEnds += text.Count(c => c is '.' or '؟' or '?' or '!');
                commas += text.Count(c => c is '،' or ',');
                paragraphBreaks += text.Count(c => c == '\n');
            }

            sources[article.Source ?? ""] = sources.GetValueOrDefault(article.Source ?? "") + 1;
            sections[article.Section ?? ""] = sections.GetValueOrDefault(article.Section ?? "") + 1;
            if (article.PublishedAt is { } date)
            {
                first = date < first ? date : first;
                last = date > last ? date : last;
            }
        }

        checkpoints.Add((tokens, counts.Count));
        var (k, beta) = FitPowerLaw(checkpoints);
        return new CorpusStatistics
        {
            RankedWords = [.. counts.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => (entry.Key, entry.Value))],
            Tokens = tokens,
            Profiles = profiles,
            HeapsK = k,
            HeapsBeta = beta,
            SentenceEndRate = bodyTokens == 0 ? 0 : (double)sentenceEnds / bodyTokens,
            CommaRate = bodyTokens == 0 ? 0 : (double)commas / bodyTokens,
            ParagraphPerSentence = sentenceEnds == 0 ? 0 : Math.Min(1, (double)paragraphBreaks / sentenceEnds),
            Sources = [.. sources.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => ((string?)(entry.Key.Length == 0 ? null : entry.Key), entry.Value))],
            Sections = [.. sections.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => ((string?)(entry.Key.Length == 0 ? null : entry.Key), entry.Value))],
            FirstDate = first == DateTimeOffset.MaxValue ? new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero) : first,
            LastDate = last == DateTimeOffset.MinValue ? new DateTimeOffset(2018, 12, 31, 0, 0, 0, TimeSpan.Zero) : last,
        };
    }

    /// <summary>Least squares of log y on log x: y = a·x^b.</summary>
    public static (double A, double B) FitPowerLaw(IReadOnlyList<(double X, double Y)> points)
    {
        var logs = points.Where(point => point.X > 0 && point.Y > 0).Select(point => (X: Math.Log(point.X), Y: Math.Log(point.Y))).ToList();
        if (logs.Count < 2)
        {
            return (1, 1);
        }

        var meanX = logs.Average(point => point.X);
        var meanY = logs.Average(point => point.Y);
        var slope = logs.Sum(point => (point.X - meanX) * (point.Y - meanY)) / logs.Sum(point => (point.X - meanX) * (point.X - meanX));
        return (Math.Exp(meanY - (slope * meanX)), slope);
    }

    /// <summary>Letters (with any harakat) and digits: what the tokenizer would keep, without punctuation.</summary>
    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+")]
    private static partial Regex Words();
}
