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
    public static readonly ApiError WritesOverloaded = new("writes_overloaded", StatusCodes.Status503ServiceUnavailable, "Too many writes in flight");
    public static readonly ApiError IndexUnavailable = new("index_unavailable", StatusCodes.Status503ServiceUnavailable, "The index is not available");
    public static readonly ApiError WriteUnavailable = new("write_unavailable", StatusCodes.Status503ServiceUnavailable, "The write could not be made durable");
    public static readonly ApiError SnapshotExists = new("snapshot_exists", StatusCodes.Status409Conflict, "A snapshot of that name exists already");
    public static readonly ApiError InsufficientStorage = new("insufficient_storage", StatusCodes.Status507InsufficientStorage, "Not enough disk space");
    public static readonly ApiError EmptySource = new("empty_source", StatusCodes.Status400BadRequest, "The source holds no article");
    public static readonly ApiError ServiceStopping = new("service_stopping", StatusCodes.Status503ServiceUnavailable, "The service is stopping");

    // What the framework answers before or beside any endpoint (no route, a wrong method, a body too slow to arrive).
    public static readonly ApiError NotFound = new("not_found", StatusCodes.Status404NotFound, "Nothing is found at this address");
    public static readonly ApiError MethodNotAllowed = new("method_not_allowed", StatusCodes.Status405MethodNotAllowed, "This method is not allowed here");
    public static readonly ApiError RequestTimeout = new("request_timeout", StatusCodes.Status408RequestTimeout, "The request body arrived too slowly");
    public static readonly ApiError InternalError = new("internal_error", StatusCodes.Status500InternalServerError, "An unexpected error occurred");

    /// <summary>Every error, for the OpenAPI document's examples and the tests.</summary>
    public static IReadOnlyList<ApiError> All { get; } =
    [
        InvalidSearchRequest, InvalidParameter, MalformedRequest, InvalidArticle, ApiKeyRequired, InvalidApiKey, WritesDisabled, ReadOnly,
        ArticleNotFound, ReindexRunning, PayloadTooLarge, UnsupportedMediaType, RateLimited, Overloaded, WritesOverloaded, IndexUnavailable, WriteUnavailable,
        SnapshotExists, InsufficientStorage, EmptySource, ServiceStopping, NotFound, MethodNotAllowed, RequestTimeout, InternalError,
    ];

    /// <summary>The error a bare status stands for, when the framework rather than an endpoint answers with it.</summary>
    private static readonly Dictionary<int, ApiError> ByFrameworkStatus = new()
    {
        [StatusCodes.Status400BadRequest] = MalformedRequest,
        [StatusCodes.Status404NotFound] = NotFound,
        [StatusCodes.Status405MethodNotAllowed] = MethodNotAllowed,
        [StatusCodes.Status408RequestTimeout] = RequestTimeout,
        [StatusCodes.Status413PayloadTooLarge] = PayloadTooLarge,
        [StatusCodes.Status415UnsupportedMediaType] = UnsupportedMediaType,
        [StatusCodes.Status500InternalServerError] = InternalError,
    };

    /// <summary>The error for a status the framework answers with; <see cref="MalformedRequest"/>'s code for another 4xx.</summary>
    public static ApiError ForStatus(int status) =>
        ByFrameworkStatus.GetValueOrDefault(status) ?? (status >= 500 ? InternalError with { Status = status } : MalformedRequest with { Status = status });

    /// <summary>
    /// Gives a problem body the framework wrote (an unknown route, a wrong method, a status code page) the code and
    /// title of its status, so every error a client meets carries a <c>code</c>; bodies built here already have one.
    /// </summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var error = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Extensions["code"] = error.Code;
        problem.Title = error.Title;
        problem.Type ??= TypeOf(error.Status);
    }

    public static ProblemHttpResult Problem(ApiError error, string detail) =>
        TypedResults.Problem(
            title: error.Title,
            detail: detail,
            statusCode: error.Status,
            type: TypeOf(error.Status),
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    /// <summary>
    /// The <c>type</c> of a problem whose status ASP.NET Core has no default link for, so that every body has one; null
    /// for the others, which the framework fills in.
    /// </summary>
    public static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        StatusCodes.Status507InsufficientStorage => "https://tools.ietf.org/html/rfc4918#section-11.5",
        _ => null,
    };

    /// <summary>A 400 naming each field or parameter at fault.</summary>
    public static ValidationProblem Validation(ApiError error, IEnumerable<KeyValuePair<string, string[]>> errors) =>
        TypedResults.ValidationProblem(errors, title: error.Title, extensions: new Dictionary<string, object?> { ["code"] = error.Code });
}
