using Microsoft.Extensions.Options;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Api.Hosting;

/// <summary>
/// Indexes the sample corpus when the service starts on an empty index, so a fresh clone answers queries out of the box.
/// Runs before the server accepts requests (hosted services start first).
/// </summary>
internal sealed partial class SampleDataLoader(
    NewsIndex index,
    IOptions<SearchServiceOptions> options,
    IHostEnvironment environment,
    ILogger<SampleDataLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SampleDataPath) || index.Count > 0)
        {
            return Task.CompletedTask;
        }

        var path = Path.GetFullPath(options.Value.SampleDataPath, environment.ContentRootPath);
        if (!Directory.Exists(path))
        {
            LogSampleDataMissing(path);
            return Task.CompletedTask;
        }

        var summary = ArticleImporter.Import(
            index,
            new ArticleSources().Read([path]),
            problem => LogSkipped(problem.ToString()),
            cancellationToken: cancellationToken);
        index.Refresh();
        LogLoaded(summary.Indexed, summary.Skipped, path, summary.Elapsed.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Index was empty: loaded {Indexed} sample articles ({Skipped} skipped) from {Path} in {ElapsedMs:F0} ms")]
    private partial void LogLoaded(long indexed, long skipped, string path, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a sample record: {Problem}")]
    private partial void LogSkipped(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index is empty and the sample data folder {Path} does not exist")]
    private partial void LogSampleDataMissing(string path);
}
