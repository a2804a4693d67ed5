using Microsoft.AspNetCore.Http.Features;

namespace Search.Api.Hosting;

/// <summary>
/// HEAD is GET without the body (RFC 9110 §9.3.2): uptime monitors, link checkers and <c>curl -I</c> send it, and
/// minimal APIs map GET alone, so every API read answered a HEAD with 405. A HEAD is routed as the GET it stands for,
/// then named HEAD again for the logs and metrics; the body is dropped here rather than left to the server, so the
/// answer is the same behind any server. A 405 names HEAD in its <c>Allow</c> wherever it names GET.
/// </summary>
public static class HeadRequests
{
    /// <summary>Routes the requests, HEAD as GET. Takes the place of <c>UseRouting</c>, which must come after.</summary>
    public static IApplicationBuilder UseRoutingWithHead(this IApplicationBuilder app) =>
        app.Use(RouteAsGet).UseRouting();

    private static async Task RouteAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                // A 405's Allow lists the methods routing knows, GET without the HEAD answered here.
                context.Response.OnStarting(AllowHeadWithGet, context.Response);
            }

            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }

    private static Task AllowHeadWithGet(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        var allowed = headers.Allow.ToString();
        if (allowed.Split(',', StringSplitOptions.TrimEntries).Contains(HttpMethods.Get) && !allowed.Contains(HttpMethods.Head, StringComparison.Ordinal))
        {
            headers.Allow = allowed + ", " + HttpMethods.Head;
        }

        return Task.CompletedTask;
    }
}
