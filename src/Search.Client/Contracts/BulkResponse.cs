using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>The answer to a bulk write: one item per article sent, in order. A bad article never stops the others.</summary>
/// <param name="TookMs">Time the service spent, in milliseconds.</param>
/// <param name="HasErrors">True when any article was refused.</param>
/// <param name="Succeeded">Articles written.</param>
/// <param name="Failed">Articles refused.</param>
/// <param name="Items">One per article, in the order sent: <c>Items[i]</c> is the article at index <c>i</c>.</param>
public sealed record BulkResponse(
    long TookMs,
    [property: JsonPropertyName("errors")] bool HasErrors,
    int Succeeded,
    int Failed,
    IReadOnlyList<BulkItem> Items);
