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
            index = NewsIndex.Open(NewsIndexOptions.ForBulkImport(indexPath) with { RamBufferMb = ramBufferMb });
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

        try
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
                if (maxSegments > 0 && summary.Indexed > 0 && !Merged(index, maxSegments, indexPath, error))
                {
                    return ExitCodes.Failed;
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
            catch (Exception ex) when (WritingFailed(ex) is { } cause)
            {
                progress.Clear();
                error.WriteLine($"error: writing the index at {indexPath} failed: {cause.Message}");
                error.WriteLine(
                    "The index keeps its last commit whole; the files this run left are removed when the index is next opened. " +
                    "Make room (merging needs about the index's size again) and run the same command: articles are written by id, none twice.");
                return ExitCodes.Failed;
            }
        }
        finally
        {
            CloseAfterImport(index);
        }
    }

    /// <summary>Merges the committed import down to <paramref name="maxSegments"/>; false, said on stderr, when storage
    /// fails meanwhile: the articles stay committed and searchable, over more segments.</summary>
    private static bool Merged(NewsIndex index, int maxSegments, string indexPath, TextWriter error)
    {
        error.WriteLine($"Merging the index down to {maxSegments} segment(s)…");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            index.Optimize(maxSegments);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Merged in {clock.Elapsed.TotalSeconds:F1} s."));
            return true;
        }
        catch (Exception ex) when (WritingFailed(ex) is { } cause)
        {
            error.WriteLine($"error: merging the index at {indexPath} failed: {cause.Message}");
            error.WriteLine(
                "Every article read is indexed and committed, and searches work on the index as it is, over more segments. " +
                "Make room (merging needs about the index's size again) and run the same command to merge it.");
            return false;
        }
    }

    /// <summary>The storage failure behind <paramref name="exception"/> (a full disk, a folder turned read-only), the
    /// innermost when Lucene wraps it (a merge's failure, a writer closed by it); null for anything else.</summary>
    private static Exception? WritingFailed(Exception? exception) => exception switch
    {
        IOException or UnauthorizedAccessException => WritingFailed(exception.InnerException) ?? exception,
        ObjectDisposedException or InvalidOperationException or AggregateException => WritingFailed(exception.InnerException),
        _ => null,
    };

    /// <summary>Closes the index; after a failed run, closing may fail the same way, which is reported already.</summary>
    private static void CloseAfterImport(NewsIndex index)
    {
        try
        {
            index.Dispose();
        }
        catch (Exception ex) when (WritingFailed(ex) is not null)
        {
            // The last commit stays whole; the failure was reported by the run.
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
