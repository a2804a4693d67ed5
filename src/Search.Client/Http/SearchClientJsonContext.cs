using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Search.Client.Contracts;

namespace Search.Client.Http;

/// <summary>Source-generated serialization of every body the client sends or reads: no reflection, so the client
/// trims and compiles ahead of time.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SearchResults))]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(RelatedArticles))]
[JsonSerializable(typeof(SuggestResults))]
[JsonSerializable(typeof(LatestStories))]
[JsonSerializable(typeof(WriteResult))]
[JsonSerializable(typeof(BulkResponse))]
[JsonSerializable(typeof(IndexStats))]
[JsonSerializable(typeof(SnapshotInfo))]
[JsonSerializable(typeof(ReindexResult))]
[JsonSerializable(typeof(SnapshotRequest))]
[JsonSerializable(typeof(ReindexRequest))]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class SearchClientJsonContext : JsonSerializerContext
{
    /// <summary>The context the client uses: Arabic written as UTF-8, not <c>\uXXXX</c> escapes, which would make an
    /// article's body several times larger against the service's size limits. An answer that leaves out a field of a
    /// contract's constructor, or holds null where the contract allows none (<c>{}</c> or <c>"hits": null</c> from
    /// something in front of the service), fails to read instead of handing the caller a record with a null list.</summary>
    public static SearchClientJsonContext Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    });
}
