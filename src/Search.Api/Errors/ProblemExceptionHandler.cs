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
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } badRequest => ApiErrors.Problem(ApiErrors.MalformedRequest, badRequest.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } badRequest => ApiErrors.Problem(ApiErrors.PayloadTooLarge, badRequest.Message),
            BadHttpRequestException badRequest => TypedResults.Problem(
                title: "The request is malformed",
                detail: badRequest.Message,
                statusCode: badRequest.StatusCode),
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

    /// <summary>Query parameters are named as their camel-cased properties (<c>PageSize</c> → <c>pageSize</c>).</summary>
    private static string ParameterName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];

    // ASP.NET Core's wording: Failed to bind parameter "Nullable<int> Page" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
