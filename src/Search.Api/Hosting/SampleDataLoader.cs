using Microsoft.Extensions.Options;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Api.Hosting;

/// <summary>
/// Indexes the sample corpus when the service starts on an empty index, so a fresh clone answers queries out of the box.
/// Runs before the server accepts requests (hosted services start first).
/// </summary>
internal sealed partial class SampleDataLoader(
    IndexHost host,
    IServiceProvider services,
    IOptions<SearchServiceOptions> options,
    IHostEnvironment environment,
    ILogger<SampleDataLoader> logger) : IHostedService
{
    private const int BatchSize = 256;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The container disposes what it made in reverse order: made here, index first, the store is disposed (its
        // last commit made) before the index it writes to.
        if (host.Index is not null)
        {
            services.GetRequiredService<NewsIndex>();
        }

        if (host.Store is not null)
        {
            services.GetRequiredService<ArticleStore>();
        }

        if (host.Store is not { } store)
        {
            return; // read-only or unavailable: nothing to load into, and IndexHost has said why
        }

        if (store.SharedLog is not null)
        {
            return; // the shared database is the collection: an empty node loads it, never the sample
        }

        // Changes logged before a crash are applied first: an index that only looked empty stays as it was.
        await store.CaughtUpAsync(cancellationToken);
        store.Index.Refresh();
        if (string.IsNullOrWhiteSpace(options.Value.SampleDataPath) || store.Index.Count > 0)
        {
            return;
        }

        var path = Path.GetFullPath(options.Value.SampleDataPath, environment.ContentRootPath);
        if (!Directory.Exists(path))
        {
            LogSampleDataMissing(path);
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (indexed, skipped) = (0, 0);
        var batch = new List<ArticleChange>(BatchSize);
        foreach (var record in new ArticleSources().Read([path]))
        {
            if (record.Article is { } article)
            {
                batch.Add(ArticleChange.Upsert(article));
                indexed++;
            }
            else
            {
                skipped++;
                LogSkipped(record.Problem!.ToString());
            }

            if (batch.Count == BatchSize)
            {
                await store.WriteAsync([.. batch], cancellationToken: cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await store.WriteAsync(batch, WriteVisibility.WaitForSearch, cancellationToken);
        }

        LogLoaded(indexed, skipped, path, clock.Elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Index was empty: loaded {Indexed} sample articles ({Skipped} skipped) from {Path} in {ElapsedMs:F0} ms")]
    private partial void LogLoaded(int indexed, int skipped, string path, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a sample record: {Problem}")]
    private partial void LogSkipped(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index is empty and the sample data folder {Path} does not exist")]
    private partial void LogSampleDataMissing(string path);
}
