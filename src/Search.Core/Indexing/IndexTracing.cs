using System.Diagnostics;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Core.Indexing;

/// <summary>
/// Spans of the engine's work for a caller, on the <see cref="SourceName"/> activity source and under whatever span is
/// current (the API's request span), so a trace shows where a slow request went: a search with the time of its parts
/// and what it found, a write with when it became durable, applied and searchable. While no tracer listens nothing is
/// recorded and a span costs one check. The query's words are left out: readers' queries are theirs, and the
/// slow-query log already names the slow ones.
/// </summary>
public sealed class IndexTracing : IDisposable
{
    public const string SourceName = "Search.Core";

    private readonly ActivitySource _source = new(SourceName);

    /// <param name="search">Runs the search: one delegate for every search, so an untraced one allocates nothing here.</param>
    internal SearchResults Search(SearchRequest request, Func<SearchRequest, SearchResults> search)
    {
        using var activity = _source.StartActivity("search");
        if (activity is null)
        {
            return search(request);
        }

        activity.SetTag("search.page", request.Page);
        activity.SetTag("search.page_size", request.PageSize);
        activity.SetTag("search.sort", request.EffectiveSort.ToString().ToLowerInvariant());
        activity.SetTag("search.query.length", request.Query?.Length ?? 0);
        try
        {
            var results = search(request);
            activity.SetTag("search.total", results.Total);
            activity.SetTag("search.timed_out", results.TimedOut);
            activity.SetTag("search.did_you_mean", results.DidYouMean is not null);
            if (results.Timings is { } timings)
            {
                activity.SetTag("search.query_ms", timings.QueryMs);
                activity.SetTag("search.match_ms", timings.MatchMs);
                activity.SetTag("search.hits_ms", timings.HitsMs);
            }

            return results;
        }
        catch (Exception ex)
        {
            Failed(activity, ex);
            throw;
        }
    }

    /// <summary>A write's span, or null while no tracer listens; <see cref="WriteStep"/> marks its steps.</summary>
    internal Activity? StartWrite(int changes, WriteVisibility visibility)
    {
        var activity = _source.StartActivity("write");
        activity?.SetTag("search.write.changes", changes);
        activity?.SetTag("search.write.visibility", visibility.ToString().ToLowerInvariant());
        return activity;
    }

    internal static void WriteStep(Activity? activity, string step) => activity?.AddEvent(new ActivityEvent(step));

    internal static void Failed(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.AddException(exception);
    }

    public void Dispose() => _source.Dispose();
}
