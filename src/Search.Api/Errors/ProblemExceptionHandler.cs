using Microsoft.AspNetCore.Diagnostics;
using Search.Core.Querying;

namespace Search.Api.Errors;

/// <summary>
/// The one place exceptions become problem details: a request the framework could not bind (<c>page=abc</c>) and a
/// request the engine rejects are 400s that say what is wrong; anything else is logged and left to the default 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException badRequest => TypedResults.Problem(
                title: "The request is malformed",
                detail: badRequest.Message,
                statusCode: badRequest.StatusCode),
            InvalidSearchRequestException invalid => TypedResults.ValidationProblem(
                invalid.Errors,
                title: "The search request is invalid",
                extensions: new Dictionary<string, object?> { ["code"] = InvalidSearchRequestException.Code }),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
