namespace Search.Api.Hosting;

/// <summary>
/// Headers that keep browsers from misreading or framing our responses: no content-type sniffing (a JSON body that
/// echoes a query must never run as a page), no framing (clickjacking), and the page address, which holds the query, kept
/// from other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Adds the headers to every response the pipeline writes, error pages included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // When the response starts rather than now: the exception handler clears the headers of a failed request.
            context.Response.OnStarting(AddTo, context.Response);
            return next(context);
        });

    private static Task AddTo(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return Task.CompletedTask;
    }
}
