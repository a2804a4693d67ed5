using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Process.Tests.Crash;

/// <summary>One version of an article as a client sends it and as <c>GET /api/articles/{id}</c> returns it. Every
/// version the tests write is unique (its title names the id and a version number), so a match says which one the
/// service holds.</summary>
public sealed record ArticleVersion
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Lead { get; init; }

    public string? Body { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    public string? Section { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public DateTimeOffset? PublishedAt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Every field equal, the date with its offset too (the service keeps the offset it was given).</summary>
    public bool SameAs(ArticleVersion other) =>
        Id == other.Id && Title == other.Title && Lead == other.Lead && Body == other.Body && Url == other.Url
        && Source == other.Source && Section == other.Section && Author == other.Author
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && PublishedAt == other.PublishedAt && PublishedAt?.Offset == other.PublishedAt?.Offset;

    public override string ToString() => $"'{Title}' ({Body?.Length ?? 0} chars of body, {Tags.Count} tags)";
}
