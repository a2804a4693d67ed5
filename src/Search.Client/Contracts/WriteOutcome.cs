using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>What a write did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WriteOutcome>))]
public enum WriteOutcome
{
    /// <summary>The id was new.</summary>
    [JsonStringEnumMemberName("created")]
    Created,

    /// <summary>An article with the id was replaced.</summary>
    [JsonStringEnumMemberName("updated")]
    Updated,

    /// <summary>The article was removed.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,
}
