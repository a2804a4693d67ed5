using Search.Core.Analysis;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>
/// Rebuilds, in the background, an index whose articles were analyzed by another version of the analysis chain
/// (<see cref="ArabicNewsAnalyzer.Version"/>), from the articles it stores (on a node of a shared store, from the
/// database): a query folded the new way misses terms indexed the old way. Searches go on over the old index until the
/// rebuild switches, and writes meanwhile are carried over; a shutdown abandons it, and the next start begins again.
/// </summary>
internal sealed partial class AnalysisUpgrade(IndexHost host, IndexPaths paths, IHostApplicationLifetime lifetime, ILogger<AnalysisUpgrade> logger)
    : IHostedService
{
    private Task _rebuild = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (host.Store is { } store && !store.Index.AnalysisIsCurrent && store.Index.Count > 0)
        {
            LogRebuilding(store.Index.Analysis ?? "unrecorded", ArabicNewsAnalyzer.Version, store.Index.Count);
            _rebuild = Task.Run(() => RebuildAsync(store), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) =>
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task RebuildAsync(ArticleStore store)
    {
        try
        {
            // The log replayed first: an index that only looked stale must not be rebuilt without its latest writes.
            await store.CaughtUpAsync(lifetime.ApplicationStopping);
            var result = await store.ReindexAsync(null, paths.ReindexWork, problem => LogSkipped(problem.ToString()), lifetime.ApplicationStopping);
            LogRebuilt(result.Imported, result.Replayed, result.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Abandoned before the switch: the old index stands, and the next start rebuilds it.
        }
        catch (Exception ex)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index was analyzed by version {Indexed} of the analysis chain, this one is {Current}: rebuilding its {Count} articles in the background; searches go on meanwhile")]
    private partial void LogRebuilding(string indexed, string current, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the index with the current analysis chain: {Imported} articles, {Replayed} writes carried over, in {Seconds:F1} s")]
    private partial void LogRebuilt(long imported, int replayed, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the index: {Problem}")]
    private partial void LogSkipped(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the index with the current analysis chain failed; it keeps serving the old one (POST /api/index/_reindex tries again)")]
    private partial void LogFailed(Exception exception);
}
