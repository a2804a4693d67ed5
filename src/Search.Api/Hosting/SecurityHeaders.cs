namespace Search.Api.Hosting;

/// <summary>
/// Headers that keep browsers from misreading or framing our responses: no content-type sniffing (a JSON body that
/// echoes a query must never run as a page), a strict content security policy, no framing (clickjacking), and the page
/// address, which holds the query, kept from other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only our own scripts, styles, images and API run on our pages: no inline script or style, no eval, no plugins,
    /// no base-URL rewrite, forms post to us only, and nobody frames us. Should stored article text ever reach the page
    /// as markup, nothing in it can run or load. The same policy goes on every response: the API's JSON is never a page,
    /// so it loses nothing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return Task.CompletedTask;
    }
}
