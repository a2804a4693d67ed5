using System.CommandLine;
using System.Globalization;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Ingestion;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>index</c>: reads the inputs, upserts every valid article, reports skipped records with file and line.</summary>
internal static class IndexCommand
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int SomeSkipped = 2;
    public const int Interrupted = 130;
    private const int MaxProblemsShown = 100;

    public static int Run(ParseResult parseResult)
    {
        var paths = parseResult.GetRequiredValue(IndexCommandDefinition.Paths);
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(IndexCommandDefinition.IndexPath));
        var threads = parseResult.GetValue(IndexCommandDefinition.Threads);
        var offset = parseResult.GetValue(IndexCommandDefinition.PageUtcOffset);
        var ramBufferMb = parseResult.GetValue(IndexCommandDefinition.RamBufferMb);
        var maxSegments = parseResult.GetValue(IndexCommandDefinition.MaxSegments);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;

        var missing = paths.Where(path => !File.Exists(path) && !System.IO.Directory.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            error.WriteLine($"error: no such file or folder: {string.Join(", ", missing)}");
            return Failed;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
            error.WriteLine("\nInterrupted: committing the articles indexed so far…");
        };

        NewsIndex index;
        try
        {
            // Nothing searches while the indexer runs, but with one indexing thread a refresh each second flushes its
            // buffer on the refresh thread while analysis goes on; with more, they flush for one another and refreshes
            // would only add small segments to merge (benchmarks/README.md has both ways measured).
            var refresh = threads == 1 ? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
            index = NewsIndex.Open(new NewsIndexOptions(indexPath) { RamBufferMb = ramBufferMb, MaxRefreshDelay = refresh });
        }
        catch (IndexLockedException ex)
        {
            // Another process (the API, another indexer): its message names it.
            error.WriteLine($"error: {ex.Message}");
            return Failed;
        }
        catch (LockObtainFailedException)
        {
            error.WriteLine($"error: the index at {indexPath} is locked by another writer (is the API or another indexer running on it?)");
            return Failed;
        }

        using (index)
        {
            var shown = 0;
            var progress = new ConsoleProgress(error, interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
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
                    cancellation.Token);
                progress.Clear();
                if (maxSegments > 0 && summary.Indexed > 0)
                {
                    error.WriteLine($"Merging the index down to {maxSegments} segment(s)…");
                    index.Optimize(maxSegments);
                }

                index.Refresh();
                PrintSummary(output, summary, indexPath, index.Count, shown);
                return summary.Skipped > 0 ? SomeSkipped : Success;
            }
            catch (OperationCanceledException)
            {
                index.Refresh();
                error.WriteLine($"Interrupted. The index at {indexPath} holds {index.Count:N0} articles, all committed.");
                return Interrupted;
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

    /// <summary>One status line on stderr, rewritten in place when stderr is a terminal and appended otherwise.</summary>
    private sealed class ConsoleProgress(TextWriter error, bool interactive) : IProgress<ImportProgress>
    {
        private bool _lineOpen;

        public void Report(ImportProgress value)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"indexed {value.Indexed:N0}, skipped {value.Skipped:N0}, {value.DocsPerSecond:N0} docs/s");
            if (interactive)
            {
                error.Write($"\r{line}   ");
                _lineOpen = true;
            }
            else
            {
                error.WriteLine(line);
            }
        }

        public void Clear()
        {
            if (_lineOpen)
            {
                error.Write("\r" + new string(' ', 70) + "\r");
                _lineOpen = false;
            }
        }
    }
}
