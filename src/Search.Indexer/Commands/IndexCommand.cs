using System.CommandLine;
using System.Globalization;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>index</c>: with <c>--index</c> reads the inputs and upserts every valid article into the folder,
/// reporting skipped records with file and line; with <c>--url</c> hands over to <see cref="PushCommand"/> or
/// <see cref="WatchCommand"/>.</summary>
internal static class IndexCommand
{
    public const int MaxProblemsShown = 100;

    public static Task<int> RunAsync(ParseResult parseResult, ServiceConnection service, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(IndexCommandDefinition.Url) is null)
        {
            // On a thread of its own, so Ctrl+C reaches the token while the import runs.
            return Task.Run(() => RunOffline(parseResult, cancellationToken), CancellationToken.None);
        }

        return parseResult.GetValue(IndexCommandDefinition.Watch) is null
            ? PushCommand.RunAsync(parseResult, service, cancellationToken)
            : WatchCommand.RunAsync(parseResult, service, cancellationToken);
    }

    /// <summary>False, with the missing ones on stderr, unless every path exists.</summary>
    public static bool InputsExist(IEnumerable<string> paths, TextWriter error)
    {
        var missing = paths.Where(path => !File.Exists(path) && !System.IO.Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"error: no such file or folder: {string.Join(", ", missing)}");
        }

        return missing.Count == 0;
    }

    private static int RunOffline(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var paths = parseResult.GetRequiredValue(IndexCommandDefinition.Paths);
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(IndexCommandDefinition.IndexPath));
        var threads = parseResult.GetValue(IndexCommandDefinition.Threads);
        var offset = parseResult.GetValue(IndexCommandDefinition.PageUtcOffset);
        var ramBufferMb = parseResult.GetValue(IndexCommandDefinition.RamBufferMb);
        var maxSegments = parseResult.GetValue(IndexCommandDefinition.MaxSegments);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;

        if (!InputsExist(paths, error))
        {
            return ExitCodes.Failed;
        }

        using var interrupt = cancellationToken.Register(() => error.WriteLine("\nInterrupted: committing the articles indexed so far…"));
        NewsIndex index;
        try
        {
            index = NewsIndex.Open(NewsIndexOptions.ForBulkImport(indexPath, threads) with { RamBufferMb = ramBufferMb });
        }
        catch (IndexLockedException ex)
        {
            // Another process (the API, another indexer): its message names it.
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (LockObtainFailedException)
        {
            error.WriteLine($"error: the index at {indexPath} is locked by another writer (is the API or another indexer running on it?)");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not a folder, not writable, or damaged files: the reason is the system's or Lucene's own words.
            error.WriteLine($"error: cannot open the index at {indexPath}: {ex.Message}");
            return ExitCodes.Failed;
        }

        using (index)
        {
            var shown = 0;
            var progress = new ConsoleProgress<ImportProgress>(
                error, value => string.Create(CultureInfo.InvariantCulture, $"indexed {value.Indexed:N0}, skipped {value.Skipped:N0}, {value.DocsPerSecond:N0} docs/s"));
            try
            {
                var summary = ArticleImporter.Import(
                    index,
                    new ArticleSources(offset).Read(paths),
                    problem =>
                    {
                        if (shown++ < MaxProblemsShown)
                        {
                            progress.Clear();
                            error.WriteLine($"skipped {problem}");
                        }
                    },
                    progress,
                    threads,
                    cancellationToken);
                progress.Clear();
                if (maxSegments > 0 && summary.Indexed > 0)
                {
                    error.WriteLine($"Merging the index down to {maxSegments} segment(s)…");
                    index.Optimize(maxSegments);
                }

                index.Refresh();
                PrintSummary(output, summary, indexPath, index.Count, shown);
                return summary.Skipped > 0 ? ExitCodes.SomeSkipped : ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                index.Refresh();
                error.WriteLine($"Interrupted. The index at {indexPath} holds {index.Count:N0} articles, all committed.");
                return ExitCodes.Interrupted;
            }
        }
    }

    private static void PrintSummary(TextWriter output, ImportProgress summary, string indexPath, int total, int problems)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        var megabytes = summary.TextChars * 2 / 1_000_000.0;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Indexed {summary.Indexed:N0} articles, skipped {summary.Skipped:N0} in {seconds:F1} s: {summary.Indexed / seconds:N0} docs/s, {megabytes / seconds:F1} MB/s of text (UTF-16)."));
        if (problems > MaxProblemsShown)
        {
            output.WriteLine($"({problems - MaxProblemsShown:N0} more skipped records not shown.)");
        }

        output.WriteLine($"Index {indexPath} now holds {total:N0} articles.");
    }
}
