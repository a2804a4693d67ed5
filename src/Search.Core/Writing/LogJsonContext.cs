using System.Text.Json.Serialization;
using Search.Core.Documents;

namespace Search.Core.Writing;

/// <summary>Source-generated JSON for log records: no reflection on the write path.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewsArticle))]
internal sealed partial class LogJsonContext : JsonSerializerContext;
