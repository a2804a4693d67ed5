using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Search.LoadTest.Synthetic;

/// <summary>
/// Writes synthetic articles as JSON Lines in the ANT field layout (<c>id, title, abstract, body, date, source,
/// category, url</c>), so the indexer reads them like the real corpus. Each article copies the shape of a random real
/// one and fills it with words drawn from the <see cref="ZipfVocabulary"/>; punctuation and paragraph breaks come at the
/// real rates. Not thread-safe.
/// </summary>
public sealed class SyntheticArticleWriter(CorpusStatistics statistics, ZipfVocabulary vocabulary, Random random)
{
    private readonly StringBuilder _text = new(16 * 1024);
    private readonly bool[] _used = new bool[vocabulary.Count];
    private readonly AliasSampler _sources = new([.. statistics.Sources.Select(source => (double)source.Count)]);
    private readonly AliasSampler _sections = new([.. statistics.Sections.Select(section => (double)section.Count)]);
    private readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public long Tokens { get; private set; }

    public long Utf8Bytes { get; private set; }

    /// <summary>Distinct words written so far.</summary>
    public int VocabularyUsed { get; private set; }

    public void Write(Stream output, long number)
    {
        var profile = statistics.Profiles[random.Next(statistics.Profiles.Count)];
        var id = $"syn-{number:D7}";
        var title = Words(profile.TitleWords, punctuate: false);
        var body = Words(profile.BodyWords, punctuate: true);
        var lead = profile.LeadWords == 0 ? null
            : profile.LeadRepeatsBody && body is not null ? Opening(body, profile.LeadWords)
            : Words(profile.LeadWords, punctuate: true);
        var span = statistics.LastDate - statistics.FirstDate;
        var date = statistics.FirstDate + TimeSpan.FromSeconds(Math.Floor(random.NextDouble() * span.TotalSeconds));

        using var json = new Utf8JsonWriter(output, _options);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("title", title ?? id);
        WriteOptional(json, "abstract", lead);
        WriteOptional(json, "body", body);
        json.WriteString("date", date.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        WriteOptional(json, "source", statistics.Sources[_sources.Next(random)].Value);
        WriteOptional(json, "category", statistics.Sections[_sections.Next(random)].Value);
        json.WriteString("url", $"https://synthetic.invalid/{id}");
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        Utf8Bytes += json.BytesCommitted + 1;
    }

    private string? Words(int count, bool punctuate)
    {
        if (count == 0)
        {
            return null;
        }

        _text.Clear();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                var draw = random.NextDouble();
                if (!punctuate || draw >= statistics.SentenceEndRate + statistics.CommaRate)
                {
                    _text.Append(' ');
                }
                else if (draw < statistics.SentenceEndRate)
                {
                    _text.Append(random.NextDouble() < statistics.ParagraphPerSentence ? ".\n" : ". ");
                }
                else
                {
                    _text.Append("، ");
                }
            }

            var rank = vocabulary.NextRank(random);
            if (!_used[rank])
            {
                _used[rank] = true;
                VocabularyUsed++;
            }

            _text.Append(vocabulary[rank]);
        }

        Tokens += count;
        if (punctuate)
        {
            _text.Append('.');
        }

        return _text.ToString();
    }

    /// <summary>The body up to its <paramref name="words"/>-th word, as a lead that repeats the opening.</summary>
    private static string Opening(string body, int words)
    {
        var seen = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if ((body[i] == ' ' || body[i] == '\n') && ++seen == words)
            {
                return body[..i].TrimEnd('.', '،');
            }
        }

        return body;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
