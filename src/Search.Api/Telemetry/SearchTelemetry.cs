using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Search.Api.Admission;
using Search.Api.Hosting;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Writing;

namespace Search.Api.Telemetry;

/// <summary>
/// The service's own metrics on the <c>Search.Api</c> meter (searches by outcome, admission queue, index and write-path
/// gauges read at scrape time) and the slow-query log, with the query's time in its parts.
/// </summary>
public sealed partial class SearchTelemetry
{
    public const string MeterName = "Search.Api";

    private readonly Counter<long> _searches;
    private readonly ILogger<SearchTelemetry> _logger;
    private readonly double _slowQueryMs;

    public SearchTelemetry(
        IMeterFactory meters,
        SearchAdmission admission,
        IServiceProvider services,
        IOptions<SearchServiceOptions> options,
        ILogger<SearchTelemetry> logger)
    {
        _logger = logger;
        _slowQueryMs = options.Value.SlowQueryMs;
        var meter = meters.Create(MeterName);
        _searches = meter.CreateCounter<long>("search.requests", "{search}", "Searches answered, by outcome: hits, zero_results, timed_out, invalid, rejected.");
        meter.CreateObservableGauge("search.admission.queued", () => admission.Queued, "{search}", "Searches waiting for their turn.");
        meter.CreateObservableGauge("search.admission.running", () => admission.Running, "{search}", "Searches running.");

        // Read at scrape time, once per scrape: the index's own counts are cheap next to a scrape interval.
        meter.CreateObservableGauge("search.index.documents", () => IndexStatistics(services)?.Articles ?? 0, "{article}", "Searchable articles.");
        meter.CreateObservableGauge("search.index.deleted_documents", () => IndexStatistics(services)?.DeletedDocuments ?? 0, "{document}", "Replaced or deleted documents not yet merged away.");
        meter.CreateObservableGauge("search.index.segments", () => IndexStatistics(services)?.Segments ?? 0, "{segment}", "Lucene segments searched.");
        meter.CreateObservableGauge("search.index.size", () => IndexStatistics(services)?.BytesOnDisk ?? 0, "By", "Bytes of the index on disk.");
        meter.CreateObservableGauge("search.writes.pending", () => services.GetRequiredService<IndexHost>().Store?.Statistics().PendingChanges ?? 0, "{change}", "Changes logged and not yet applied to the index.");
    }

    /// <summary>Counts a finished search and logs it when slow.</summary>
    public void Searched(SearchRequest request, SearchResults results)
    {
        var outcome = results.TimedOut ? "timed_out" : results.Total == 0 ? "zero_results" : "hits";
        _searches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (results.TookMs >= _slowQueryMs && _logger.IsEnabled(LogLevel.Warning))
        {
            var timings = results.Timings;
            LogSlowQuery(results.TookMs, timings?.QueryMs ?? 0, timings?.MatchMs ?? 0, timings?.HitsMs ?? 0, results.Total, results.TimedOut, Printable(request.Query), request.PageSize);
        }
    }

    /// <summary>The query with its control characters and line separators written as <c>\uXXXX</c>: a reader's line
    /// break would otherwise start a line of the plain-text log that the service never wrote.</summary>
    private static string? Printable(string? query) =>
        query is null || !query.Any(IsUnprintable)
            ? query
            : string.Concat(query.Select(c => IsUnprintable(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static bool IsUnprintable(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>Counts a search refused before it ran: invalid, or not admitted.</summary>
    public void Refused(string outcome) => _searches.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private static IndexStatistics? IndexStatistics(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IndexHost>().Index?.Statistics();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow search: {TookMs:F1} ms (query {QueryMs:F1}, matching {MatchMs:F1}, hits {HitsMs:F1}), {Total} matches, timed out {TimedOut}, q={Query}, pageSize={PageSize}")]
    private partial void LogSlowQuery(double tookMs, double queryMs, double matchMs, double hitsMs, int total, bool timedOut, string? query, int pageSize);
}
