using System.Text.Json;
using Search.Api.Tests;

namespace Search.Client.Tests;

/// <summary>The committed sample articles as the service reads them, so a test compares what the client returns with
/// the source, not with a copy of it.</summary>
internal static class SampleCorpus
{
    /// <summary>The record of <paramref name="id"/> in <c>index-data/articles.jsonl</c>.</summary>
    public static JsonElement Record(string id)
    {
        foreach (var line in File.ReadLines(Path.Combine(RepositoryLayout.SampleDataPath, "articles.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.GetProperty("id").GetString() == id)
            {
                return document.RootElement.Clone();
            }
        }

        throw new InvalidOperationException($"The sample corpus has no article '{id}'.");
    }
}
