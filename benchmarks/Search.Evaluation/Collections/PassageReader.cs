using System.Text.Json;

namespace Search.Evaluation.Collections;

/// <summary>Reads a passage collection in JSON Lines with the fields <c>id</c>, <c>title</c> and <c>text</c>; the text
/// becomes the body.</summary>
public static class PassageReader
{
    /// <exception cref="InvalidDataException">A line is not a JSON object with a string id and text.</exception>
    public static List<EvaluationDocument> ReadFile(string path)
    {
        var documents = new List<EvaluationDocument>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = String(root, "id") ?? throw new InvalidDataException($"{path}:{lineNumber}: missing 'id'");
                var text = String(root, "text") ?? throw new InvalidDataException($"{path}:{lineNumber}: missing 'text'");
                documents.Add(new EvaluationDocument(id.Trim(), String(root, "title")?.Trim() ?? string.Empty, text.Trim()));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: invalid JSON: {ex.Message}", ex);
            }
        }

        return documents;
    }

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
