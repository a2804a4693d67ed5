using System.Text.Json.Serialization;

namespace Search.Core.Suggesting;

/// <summary>What a suggestion completes: the last word typed, a phrase that recurs in titles, or a whole title.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestionKind>))]
public enum SuggestionKind
{
    [JsonStringEnumMemberName("word")]
    Word,

    [JsonStringEnumMemberName("phrase")]
    Phrase,

    [JsonStringEnumMemberName("title")]
    Title,
}
