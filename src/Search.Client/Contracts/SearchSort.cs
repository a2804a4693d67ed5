using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>Result order; ties break by article id, so every order is total and cursors are stable.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchSort>))]
public enum SearchSort
{
    /// <summary>Best match first (the default with a query that searches for words).</summary>
    [JsonStringEnumMemberName("relevance")]
    Relevance,

    /// <summary>Most recently published first (the default without a query, or with one that only excludes words).</summary>
    [JsonStringEnumMemberName("newest")]
    Newest,

    /// <summary>Earliest published first.</summary>
    [JsonStringEnumMemberName("oldest")]
    Oldest,
}
