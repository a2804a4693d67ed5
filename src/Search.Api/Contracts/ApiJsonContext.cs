using System.Text.Json;
using System.Text.Json.Serialization;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Suggesting;

namespace Search.Api.Contracts;

/// <summary>Serialization code for every response body, generated at build time rather than reflected on at the first
/// request of each type: the HTTP layer's share of a request is ours to keep small (benchmarks/README.md); and for the
/// operator endpoints' request bodies, which they read themselves. Options (encoder, enum names) still come from
/// <c>ConfigureHttpJsonOptions</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchResults))]
[JsonSerializable(typeof(SuggestResults))]
[JsonSerializable(typeof(LatestStories))]
[JsonSerializable(typeof(RelatedArticles))]
[JsonSerializable(typeof(NewsArticle))]
[JsonSerializable(typeof(WriteResult))]
[JsonSerializable(typeof(BulkResponse))]
[JsonSerializable(typeof(ReindexResponse))]
[JsonSerializable(typeof(IndexStatsResponse))]
[JsonSerializable(typeof(ChecksumResponse))]
[JsonSerializable(typeof(IndexSnapshotInfo))]
[JsonSerializable(typeof(SnapshotRequest))]
[JsonSerializable(typeof(ReindexRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
