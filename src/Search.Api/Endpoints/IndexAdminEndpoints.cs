using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Contracts;
using Search.Api.Errors;
using Search.Api.Hosting;
using Search.Api.Security;
using Search.Core.Feeds;
using Search.Core.Indexing;
using Search.Core.Writing;

namespace Search.Api.Endpoints;

/// <summary>The keyed operator endpoints: <c>GET /api/index/stats</c> (the index, the write path and each feed's
/// polling state) and <c>POST /api/index/_snapshot</c>.</summary>
public static partial class IndexAdminEndpoints
{
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
        admin.MapPost("/_snapshot", Snapshot)
            .WithName("SnapshotIndex")
            .WithSummary("Copy a consistent snapshot of the index while writes go on")
            .WithDescription("Commits what is written, then copies that commit to Search:SnapshotPath/{name}. Restore by starting a service with Search:IndexPath pointing at a copy of that folder (or `index restore`).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Ok<IndexStatsResponse> Stats(ArticleStore store, NewsFeeds feeds) =>
        TypedResults.Ok(new IndexStatsResponse(store.Index.Statistics(), store.Statistics(), feeds.States()));

    internal static async Task<Results<Created<IndexSnapshotInfo>, ValidationProblem, ProblemHttpResult>> Snapshot(
        SnapshotRequest? request,
        ArticleStore store,
        IOptions<SearchServiceOptions> options,
        IHostEnvironment environment)
    {
        var name = request?.Name ?? DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (!SnapshotName().IsMatch(name))
        {
            return ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]>
            {
                ["name"] = ["A snapshot name is 1–100 letters, digits, '.', '_' or '-', not starting with '.'."],
            });
        }

        var folder = Path.Combine(Path.GetFullPath(options.Value.SnapshotPath, environment.ContentRootPath), name);
        if (Directory.Exists(folder))
        {
            return ApiErrors.Validation(ApiErrors.InvalidParameter, new Dictionary<string, string[]> { ["name"] = [$"A snapshot named '{name}' exists already."] });
        }

        try
        {
            var snapshot = await Task.Run(() => store.Snapshot(folder));
            return TypedResults.Created(new Uri(folder).AbsoluteUri, snapshot);
        }
        catch (IOException ex)
        {
            return ApiErrors.Problem(ApiErrors.WriteUnavailable, $"The snapshot could not be written: {ex.Message}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SnapshotName();
}
