using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests;

/// <summary>
/// A small web site on the loopback interface, served by Kestrel from the test itself, for the service to poll. Each
/// path answers what the test set (404 otherwise), and every answered request is recorded, so a test can await the
/// n-th request to a path instead of sleeping.
/// </summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _paths = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    // Guarded by _lock.
    private readonly List<SiteRequest> _requests = [];
    private readonly List<(string Path, int Count, TaskCompletionSource<SiteRequest> Reached)> _waiters = [];

    private LoopbackSite(WebApplication app) => _app = app;

    private Uri BaseAddress => new(_app.Urls.Single());

    public static async Task<LoopbackSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = new LoopbackSite(builder.Build());
        site._app.Run(site.AnswerAsync);
        await site._app.StartAsync();
        return site;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this site (the port is chosen at start).</summary>
    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    /// <summary>Serves a feed like a server with validators: an ETag and Last-Modified of this version, and 304 to a
    /// request that sends the ETag back. Give each new document a new version.</summary>
    public void Feed(string path, string xml, int version = 1)
    {
        var etag = $"\"v{version}\"";
        Serve(path, async context =>
        {
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = LastModified(version);
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(xml);
        });
    }

    /// <summary>The Last-Modified that <see cref="Feed"/> sends with a version.</summary>
    public static string LastModified(int version) => new DateTimeOffset(2026, 2, 2, 10, version, 0, TimeSpan.Zero).ToString("R");

    public void Page(string path, string html) => Serve(path, context =>
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    });

    public void Status(string path, int status) => Serve(path, context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    public void Serve(string path, RequestDelegate answer) => _paths[path] = answer;

    /// <summary>Completes with the <paramref name="count"/>-th request to <paramref name="path"/> once it is answered.</summary>
    public Task<SiteRequest> RequestAsync(string path, int count)
    {
        lock (_lock)
        {
            var answered = _requests.Where(request => request.Path == path).ToList();
            if (answered.Count >= count)
            {
                return Task.FromResult(answered[count - 1]);
            }

            var reached = new TaskCompletionSource<SiteRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((path, count, reached));
            return reached.Task;
        }
    }

    public IReadOnlyList<SiteRequest> RequestsTo(string path)
    {
        lock (_lock)
        {
            return [.. _requests.Where(request => request.Path == path)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_paths.TryGetValue(path, out var answer))
        {
            await answer(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        await context.Response.CompleteAsync();
        var headers = context.Request.Headers;
        var request = new SiteRequest(
            path,
            headers.IfNoneMatch.Count > 0 ? headers.IfNoneMatch.ToString() : null,
            headers.IfModifiedSince.Count > 0 ? headers.IfModifiedSince.ToString() : null,
            headers.UserAgent.ToString(),
            context.Response.StatusCode,
            _clock.Elapsed);
        lock (_lock)
        {
            _requests.Add(request);
            var count = _requests.Count(seen => seen.Path == path);
            foreach (var waiter in _waiters.Where(waiter => waiter.Path == path && waiter.Count == count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult(request);
            }
        }
    }
}

/// <summary>A request <see cref="LoopbackSite"/> answered: the validators and User-Agent it carried, the status it
/// got, and when (since the site started).</summary>
internal sealed record SiteRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, string UserAgent, int Status, TimeSpan At);
