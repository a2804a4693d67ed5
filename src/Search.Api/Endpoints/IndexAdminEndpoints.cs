using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Api.Hosting;
using Search.Api.Security;
using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Api.Endpoints;

/// <summary>The keyed operator endpoints: <c>GET /api/index/stats</c> (the index, the write path, each feed's polling
/// state and, with a shared store, the replication lag), <c>GET /api/index/checksum</c>, <c>POST /api/index/_snapshot</c>
/// and <c>POST /api/index/_reindex</c>.</summary>
public static partial class IndexAdminEndpoints
{
    /// <summary>Names an unnamed snapshot may take in one second: the time, then the time and 2, 3, ….</summary>
    private const int MaxNamesTried = 100;

    /// <summary>The largest body the operator endpoints read: a snapshot name or a list of server paths.</summary>
    internal const int MaxRequestBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapIndexAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/index")
            .WithTags("Operating")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/stats", Stats)
            .WithName("IndexStats")
            .WithSummary("Articles, deleted documents, segments, size on disk, last commit, pending writes and the polled feeds");
        admin.MapGet("/checksum", Checksum)
            .WithName("IndexChecksum")
            .WithSummary("A checksum of the ids and versions of every article this node holds, to compare nodes")
            .WithDescription("Nodes following one database that applied the same changes answer the same checksum; compare them at equal appliedSequence. Reads every article's id and version: a few milliseconds per 10,000 articles.");
        admin.MapPost("/_snapshot", Snapshot)
            .WithName("SnapshotIndex")
            .WithSummary("Copy a consistent snapshot of the index while writes go on")
            .WithDescription("Commits what is written, then copies that commit to Search:SnapshotPath/{name}. Restore by starting a service with Search:IndexPath pointing at a copy of that folder (or `search-indexer restore`).")
            .Accepts<SnapshotRequest>(isOptional: true, "application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapPost("/_reindex", Reindex)
            .WithName("ReindexIndex")
            .WithSummary("Rebuild the index beside the live one and switch to it atomically")
            .WithDescription("Without paths, rebuilds from the articles the index stores (e.g. after the analysis chain changed); with paths (files or folders on the server, read like the indexer reads them; a relative path is taken from the service's content root), the files become the collection. Searches and writes go on meanwhile; writes made during the rebuild are carried over. Answers when the switch is done.")
            .Accepts<ReindexRequest>(isOptional: true, "application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static async Task<Results<Ok<ReindexResponse>, ValidationProblem, ProblemHttpResult>> Reindex(
        HttpRequest httpRequest,
        ArticleStore store,
        IndexPaths paths,
        IHostEnvironment environment,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        var (request, invalid) = await RequestBody.ReadJsonAsync(httpRequest, ApiJsonContext.Default.ReindexRequest, MaxRequestBytes, cancellationToken);
        return invalid is null ? await RunReindex(request, store, paths, environment, lifetime) : invalid;
    }

    /// <summary>The reindex <paramref name="request"/> asks for, once its body is read.</summary>
    internal static async Task<Results<Ok<ReindexResponse>, ValidationProblem, ProblemHttpResult>> RunReindex(
        ReindexRequest? request,
        ArticleStore store,
        IndexPaths paths,
        IHostEnvironment environment,
        IHostApplicationLifetime lifetime)
    {
        // Relative paths are taken from the content root, like every other path the service is given.
        var sources = (request?.Paths ?? []).Select(path => (Given: path, Full: ServerPath(path, environment.ContentRootPath))).ToList();
        var missing = sources.Where(source => source.Full is not { } full || (!File.Exists(full) && !Directory.Exists(full))).ToList();
        if (missing.Count > 0)
        {
            return ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]>
            {
                ["paths"] = [.. missing.Select(source => source.Full is null || source.Full == source.Given
                    ? $"No such file or folder on the server: {source.Given}"
                    : $"No such file or folder on the server: {source.Given} (taken from the service's folder: {source.Full})")],
            });
        }

        var problems = new List<string>();
        try
        {
            var result = await store.ReindexAsync(
                sources.Count == 0 ? null : new ArticleSources().Read(sources.Select(source => source.Full!)),
                paths.ReindexWork,
                problem =>
                {
                    if (problems.Count < ReindexResponse.MaxProblems)
                    {
                        problems.Add(problem.ToString());
                    }
                },
                // Not the request's token: a client that hangs up does not undo an operator's reindex, a shutdown does.
                lifetime.ApplicationStopping);
            return TypedResults.Ok(new ReindexResponse(result.Imported, result.Skipped, result.Replayed, (long)result.Elapsed.TotalMilliseconds, problems));
        }
        catch (EmptyReindexSourceException ex)
        {
            return ApiErrors.Validation(ApiErrors.EmptySource, new Dictionary<string, string[]>
            {
                ["paths"] = [ex.Message, .. problems],
            });
        }
        catch (InvalidOperationException ex)
        {
            return ApiErrors.Problem(ApiErrors.ReindexRunning, ex.Message);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return ApiErrors.Problem(ApiErrors.ServiceStopping, "The service is stopping: the reindex was abandoned before the switch, and the index is as it was.");
        }
    }

    /// <summary>The absolute path <paramref name="path"/> stands for; null for a blank one (which would stand for the
    /// service's own folder) or one no file system accepts.</summary>
    private static string? ServerPath(string? path, string root) =>
        string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal) ? null : Path.GetFullPath(path, root);

    internal static async Task<Ok<IndexStatsResponse>> Stats(ArticleStore store, NewsFeeds feeds, CancellationToken cancellationToken) =>
        TypedResults.Ok(new IndexStatsResponse(store.Index.Statistics(), store.Statistics(), feeds.States(), await ReplicationProbe.ReadAsync(store, cancellationToken)));

    internal static Ok<ChecksumResponse> Checksum(ArticleStore store)
    {
        // The position first: the checksum, taken after a refresh, holds at least that much.
        var applied = store.Statistics().AppliedSequence;
        store.Index.Refresh();
        var checksum = store.Index.Checksum();
        return TypedResults.Ok(new ChecksumResponse(checksum.Articles, checksum.Sum, applied));
    }

    internal static async Task<Results<Created<IndexSnapshotInfo>, ValidationProblem, ProblemHttpResult>> Snapshot(
        HttpRequest httpRequest,
        ArticleStore store,
        IndexPaths paths,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (request, invalid) = await RequestBody.ReadJsonAsync(httpRequest, ApiJsonContext.Default.SnapshotRequest, MaxRequestBytes, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = request?.Name ?? stamp;
        if (!SnapshotName().IsMatch(name))
        {
            return ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]>
            {
                ["name"] = ["A snapshot name is 1–100 Latin letters (A–Z, a–z), digits (0–9), '.', '_' or '-', not starting with '.' or '-'."],
            });
        }

        var folder = Path.Combine(paths.Snapshots, name);
        for (var taken = 1; ; taken++)
        {
            try
            {
                var snapshot = await Task.Run(() => store.Snapshot(folder));
                return TypedResults.Created(new Uri(folder).AbsoluteUri, snapshot);
            }
            catch (SnapshotExistsException) when (request?.Name is null && taken < MaxNamesTried)
            {
                // A name the caller did not choose is never its conflict: a second snapshot in the same second gets
                // the time and a number.
                name = $"{stamp}-{taken + 1}";
                folder = Path.Combine(paths.Snapshots, name);
            }
            catch (SnapshotExistsException)
            {
                return ApiErrors.Problem(ApiErrors.SnapshotExists, $"A snapshot named '{name}' exists already; choose another name or remove it.");
            }
            catch (StorageFaultException ex)
            {
                // Nothing was copied: the index folder cannot commit now, and the store says when it tries again.
                httpRequest.HttpContext.Response.Headers.RetryAfter = ArticleWriteEndpoints.RetryAfterSeconds(ex.Fault);
                return ApiErrors.Problem(ApiErrors.WriteUnavailable, $"The snapshot '{name}' was not taken: {ex.Message} Ask again later.");
            }
            catch (SnapshotSpaceException ex)
            {
                return ApiErrors.Problem(ApiErrors.InsufficientStorage, $"The snapshot '{name}' was not taken: {ex.Message}");
            }
            catch (IOException ex)
            {
                // The log has the reason and the folder; the client is told what it can act on.
                LogSnapshotFailed(loggers.CreateLogger(typeof(IndexAdminEndpoints)), ex, name, folder);
                return ApiErrors.Problem(ApiErrors.WriteUnavailable, $"The snapshot '{name}' could not be written (a full disk or missing permission; the service log says which).");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the snapshot {Name} to {Folder} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string name, string folder);

    // Not starting with '.' (hidden, or a path step) nor '-' (read as an option by the tools an operator copies it with).
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SnapshotName();
}
