using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>What a <see cref="Suggestion"/> completes to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestionKind>))]
public enum SuggestionKind
{
    /// <summary>A word of the index vocabulary.</summary>
    [JsonStringEnumMemberName("word")]
    Word,

    /// <summary>A phrase frequent in the articles.</summary>
    [JsonStringEnumMemberName("phrase")]
    Phrase,

    /// <summary>An article's title; <see cref="Suggestion.Id"/> names the article.</summary>
    [JsonStringEnumMemberName("title")]
    Title,
}
