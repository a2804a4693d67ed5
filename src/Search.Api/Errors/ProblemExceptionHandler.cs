using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Search.Api.Hosting;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Api.Errors;

/// <summary>
/// The one place exceptions become problem details: a parameter the framework could not bind (<c>page=abc</c>) becomes
/// the same validation problem as any other bad parameter, naming it; a request the engine rejects is a 400 too;
/// anything else is logged and left to the default 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException badRequest when BindingFailure().Match(badRequest.Message) is { Success: true } failure =>
                ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]>
                {
                    [ParameterName(failure.Groups["name"].Value)] = [$"'{failure.Groups["value"].Value}' is not a valid value here."],
                }),
            BadHttpRequestException badRequest => ApiErrors.Problem(ApiErrors.ForStatus(badRequest.StatusCode), Detail(badRequest)),
            InvalidSearchRequestException invalid => ApiErrors.Validation(ApiErrors.InvalidSearchRequest, invalid.Errors),
            IndexUnavailableException unavailable => ApiErrors.Problem(ApiErrors.IndexUnavailable, unavailable.Message),
            IndexReadOnlyException readOnly => ApiErrors.Problem(ApiErrors.ReadOnly, readOnly.Message),
            _ => null,
        };

        if (result is null)
        {
            LogUnhandled(exception, httpContext.Request.Path);
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>What a body that is not the JSON an endpoint reads is told, by the framework's binding or our own.</summary>
    internal const string NotExpectedJson = "The request body is not JSON of the expected shape (see the OpenAPI document at /openapi/v1.json).";

    /// <summary>The framework's message, without the .NET types it names: <c>Failed to read parameter "SnapshotRequest
    /// request" from the request body as JSON.</c> says only that the body is not the JSON expected.</summary>
    private static string Detail(BadHttpRequestException badRequest) => badRequest.Message switch
    {
        // Kestrel's own words name its setting (MinRequestBodyDataRate), not ours.
        _ when badRequest.StatusCode == StatusCodes.Status408RequestTimeout =>
            "The request body arrived too slowly (a write body: under Search:Writes:MinBodyBytesPerSecond on average); nothing was written.",
        var message when message.StartsWith("Failed to read parameter", StringComparison.Ordinal) => NotExpectedJson,
        var message when RequiredParameter().Match(message) is { Success: true } missing =>
            $"The {ParameterName(missing.Groups["name"].Value)} is missing from the request.",
        var message => message,
    };

    /// <summary>Query parameters are named as their camel-cased properties (<c>PageSize</c> → <c>pageSize</c>).</summary>
    private static string ParameterName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    // ASP.NET Core's wording: Failed to bind parameter "Nullable<int> Page" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    // ASP.NET Core's wording: Required parameter "string id" was not provided from route.
    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>\w+)" was not provided""")]
    private static partial Regex RequiredParameter();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
