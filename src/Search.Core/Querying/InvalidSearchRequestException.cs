namespace Search.Core.Querying;

/// <summary>A request that breaks the limits of <see cref="SearchRequest.Validate()"/>: a caller error, never an engine fault.</summary>
public sealed class InvalidSearchRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Invalid search request: " + string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")))
{
    public const string Code = "invalid_search_request";

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
