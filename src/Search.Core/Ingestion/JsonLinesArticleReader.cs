using System.IO.Compression;
using System.Text.Json;

namespace Search.Core.Ingestion;

/// <summary>
/// Reads JSON Lines (<c>.jsonl</c>, <c>.jsonl.gz</c>), one article per line, with the field names of the ANT corpus
/// (<c>id, title, abstract, body, date, source, category, url, author</c>) or the service's own
/// (<c>lead, publishedAt, section, tags</c>). A line that is not valid UTF-8 or JSON, or fails validation, is reported
/// with its line number and the rest of the file is still read.
/// </summary>
public static class JsonLinesArticleReader
{
    public static IEnumerable<IngestResult> ReadFile(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var plain = File.OpenRead(path);
            foreach (var result in Read(plain, path))
            {
                yield return result;
            }

            yield break;
        }

        using var file = File.OpenRead(path);
        if (!GzipFile.StartsAsGzip(file))
        {
            yield return IngestResult.Failed(path, null, "not a gzip file: it does not begin as one does (1f 8b); name it .jsonl if it holds plain JSON Lines");
            yield break;
        }

        var expectedSize = GzipFile.TrailerSize(file);
        using var counted = new CountingStream(new GZipStream(file, CompressionMode.Decompress));
        foreach (var result in Read(counted, path))
        {
            yield return result;
        }

        // GZipStream ends quietly when a file stops early at a block boundary; the trailer's size exposes it, unless the
        // file is several members, whose last one the trailer sizes.
        if (expectedSize is { } size && (uint)counted.BytesRead != size && !GzipFile.EndsWithWholeMember(path, size))
        {
            yield return IngestResult.Failed(path, null, "the gzip file is truncated or corrupt: its trailer does not match the data read; later records may be missing");
        }
    }

    public static IEnumerable<IngestResult> Read(Stream stream, string fileName)
    {
        var reader = new Utf8LineReader(stream);
        var lineNumber = 0;
        while (true)
        {
            Utf8Line? line;
            string? readError = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException ex)
            {
                // A truncated or corrupt .gz: what was read so far stands, the rest of the file is reported once.
                line = null;
                readError = ex.Message;
            }

            if (readError is not null)
            {
                yield return IngestResult.Failed(fileName, lineNumber + 1, $"cannot read the rest of the file: {readError}");
            }

            if (line is not { } current)
            {
                yield break;
            }

            lineNumber++;
            if (current.Problem is { } problem)
            {
                yield return IngestResult.Failed(fileName, lineNumber, problem);
            }
            else if (!current.IsBlank)
            {
                // Parsed from the line's UTF-8 as read: a string of it would be transcoded back to UTF-8 for the parser.
                yield return Parse(current.Bytes, fileName, lineNumber);
            }
        }
    }

    /// <summary>Parses one JSON object into an article.</summary>
    public static IngestResult ParseLine(string line, string fileName, int lineNumber) => ParseJson(line, fileName, lineNumber, defaultId: null);

    /// <summary>Parses one JSON object (on one line or several) into an article; <paramref name="defaultId"/> is its id
    /// when the object has none (the id in a request's path).</summary>
    public static IngestResult ParseJson(string json, string fileName, int lineNumber, string? defaultId)
    {
        if (LoneSurrogates.In(json))
        {
            // Only a caller's string can hold one raw (a file's bytes cannot), and the JSON parser refuses it outright.
            return IngestResult.Failed(fileName, lineNumber, "not valid Unicode text: the line holds a lone surrogate");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return FromDocument(document, fileName, lineNumber, defaultId);
        }
        catch (JsonException ex)
        {
            return IngestResult.Failed(fileName, lineNumber, $"invalid JSON: {ex.Message}");
        }
    }

    /// <summary>Parses one line of valid UTF-8 (a file's bytes hold no lone surrogate) into an article.</summary>
    private static IngestResult Parse(ReadOnlyMemory<byte> utf8, string fileName, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return FromDocument(document, fileName, lineNumber, defaultId: null);
        }
        catch (JsonException ex)
        {
            return IngestResult.Failed(fileName, lineNumber, $"invalid JSON: {ex.Message}");
        }
    }

    private static IngestResult FromDocument(JsonDocument document, string fileName, int lineNumber, string? defaultId)
    {
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return IngestResult.Failed(fileName, lineNumber, "expected a JSON object");
            }

            var draft = new ArticleDraft
            {
                Id = Text(root, "id") ?? defaultId,
                Title = Text(root, "title"),
                Lead = Text(root, "lead") ?? Text(root, "abstract"),
                Body = Text(root, "body"),
                Url = Text(root, "url"),
                Source = Text(root, "source"),
                Section = Text(root, "section") ?? Text(root, "category"),
                Author = Text(root, "author"),
                Tags = Tags(root),
                PublishedAt = Text(root, "publishedAt") ?? Text(root, "date"),
            };
            return IngestResult.Of(draft.Validate(), fileName, lineNumber);
        }
        catch (ArticleValidationException ex)
        {
            return IngestResult.Failed(fileName, lineNumber, ex.Message, ex.Field);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json unescapes a property name only to compare it, and throws there on a lone surrogate.
            return IngestResult.Failed(fileName, lineNumber, "invalid JSON: a property name holds a lone surrogate (an unpaired \\ud800–\\udfff escape)");
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => StringValue(value, name),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new ArticleValidationException($"field '{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}", name),
        };
    }

    /// <summary>A JSON string as .NET text; an escaped lone surrogate (<c>"\ud800"</c>) has none, so the record is refused.</summary>
    private static string StringValue(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ArticleValidationException(ArticleDraft.LoneSurrogateMessage(name), name);
        }
    }

    private static IReadOnlyList<string> Tags(JsonElement root)
    {
        if (!root.TryGetProperty("tags", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(tag => tag.ValueKind == JsonValueKind.String
                ? StringValue(tag, "tags")
                : throw new ArticleValidationException("field 'tags' must hold strings only", "tags"))],
            JsonValueKind.String => [.. StringValue(value, "tags").Split([',', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            _ => throw new ArticleValidationException("field 'tags' must be an array of strings", "tags"),
        };
    }
}
