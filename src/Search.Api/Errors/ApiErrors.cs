using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Querying;

namespace Search.Api.Errors;

/// <summary>
/// The one table of errors: every problem body the API sends is built here from an <see cref="ApiError"/>, so a code
/// always comes with the same status and title (RFC 9457 problem details with a <c>code</c> extension).
/// </summary>
public static class ApiErrors
{
    public static readonly ApiError InvalidSearchRequest = new(InvalidSearchRequestException.Code, StatusCodes.Status400BadRequest, "The search request is invalid");
    public static readonly ApiError InvalidParameter = new("invalid_parameter", StatusCodes.Status400BadRequest, "The request is invalid");
    public static readonly ApiError MalformedRequest = new("malformed_request", StatusCodes.Status400BadRequest, "The request is malformed");
    public static readonly ApiError InvalidArticle = new("invalid_article", StatusCodes.Status400BadRequest, "The article is invalid");
    public static readonly ApiError ApiKeyRequired = new("api_key_required", StatusCodes.Status401Unauthorized, "An API key is required");
    public static readonly ApiError InvalidApiKey = new("invalid_api_key", StatusCodes.Status401Unauthorized, "The API key is not valid");
    public static readonly ApiError WritesDisabled = new("writes_disabled", StatusCodes.Status403Forbidden, "Writes are turned off");
    public static readonly ApiError ReadOnly = new("read_only", StatusCodes.Status403Forbidden, "This service is read-only");
    public static readonly ApiError ArticleNotFound = new(ArticleNotFoundException.Code, StatusCodes.Status404NotFound, "Article not found");
    public static readonly ApiError ReindexRunning = new("reindex_running", StatusCodes.Status409Conflict, "A reindex is already running");
    public static readonly ApiError PayloadTooLarge = new("payload_too_large", StatusCodes.Status413PayloadTooLarge, "The request body is too large");
    public static readonly ApiError UnsupportedMediaType = new("unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, "The content type is not supported");
    public static readonly ApiError RateLimited = new("rate_limited", StatusCodes.Status429TooManyRequests, "Too many requests from this address");
    public static readonly ApiError Overloaded = new("overloaded", StatusCodes.Status503ServiceUnavailable, "Too many concurrent searches");
    public static readonly ApiError IndexUnavailable = new("index_unavailable", StatusCodes.Status503ServiceUnavailable, "The index is not available");
    public static readonly ApiError WriteUnavailable = new("write_unavailable", StatusCodes.Status503ServiceUnavailable, "The write could not be made durable");

    /// <summary>Every error, for the OpenAPI document's examples and the tests.</summary>
    public static IReadOnlyList<ApiError> All { get; } =
    [
        InvalidSearchRequest, InvalidParameter, MalformedRequest, InvalidArticle, ApiKeyRequired, InvalidApiKey, WritesDisabled, ReadOnly,
        ArticleNotFound, ReindexRunning, PayloadTooLarge, UnsupportedMediaType, RateLimited, Overloaded, IndexUnavailable, WriteUnavailable,
    ];

    public static ProblemHttpResult Problem(ApiError error, string detail) =>
        TypedResults.Problem(
            title: error.Title,
            detail: detail,
            statusCode: error.Status,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    /// <summary>A 400 naming each field or parameter at fault.</summary>
    public static ValidationProblem Validation(ApiError error, IEnumerable<KeyValuePair<string, string[]>> errors) =>
        TypedResults.ValidationProblem(errors, title: error.Title, extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
