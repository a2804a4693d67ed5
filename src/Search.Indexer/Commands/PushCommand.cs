using System.CommandLine;
using System.Globalization;
using Search.Core.Ingestion;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>index --url</c>: reads the inputs as the offline mode does and sends the valid articles to the
/// service; reports what the reader skipped and what the service refused as <c>file:line: reason</c>.</summary>
internal static class PushCommand
{
    public static async Task<int> RunAsync(ParseResult parseResult, ServiceConnection service, CancellationToken cancellationToken)
    {
        var paths = parseResult.GetRequiredValue(IndexCommandDefinition.Paths);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (!IndexCommand.InputsExist(paths, error))
        {
            return ExitCodes.Failed;
        }

        using var client = ServiceTarget.Connect(parseResult, IndexCommandDefinition.Url, IndexCommandDefinition.ApiKey, service);
        if (client is null)
        {
            return ExitCodes.Failed;
        }

        var pusher = new ArticlePusher(client, Options(parseResult));
        var progress = new ConsoleProgress<PushSummary>(
            error, value => string.Create(CultureInfo.InvariantCulture, $"sent {value.Sent:N0}, skipped {value.Skipped + value.Rejected:N0}, {value.DocsPerSecond:N0} docs/s"));
        var shown = 0;
        using var interrupt = cancellationToken.Register(() => error.WriteLine("\nInterrupted: finishing the batches in flight…"));
        try
        {
            var sources = new ArticleSources(parseResult.GetValue(IndexCommandDefinition.PageUtcOffset));
            var summary = await pusher.PushAsync(sources.Read(paths), problem => Report(problem, ref shown, progress, error), progress, skip: 0, onAcknowledged: null, cancellationToken);
            progress.Clear();
            PrintSummary(output, summary, client.BaseAddress, shown, parseResult.GetValue(IndexCommandDefinition.Wait));
            return summary.Interrupted ? ExitCodes.Interrupted
                : summary.Skipped + summary.Rejected > 0 ? ExitCodes.SomeSkipped
                : ExitCodes.Success;
        }
        catch (ServiceException ex)
        {
            progress.Clear();
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    public static PushOptions Options(ParseResult parseResult) => new(
        parseResult.GetValue(IndexCommandDefinition.BatchSize),
        parseResult.GetValue(IndexCommandDefinition.BatchMegabytes) * 1024L * 1024,
        parseResult.GetValue(IndexCommandDefinition.Concurrency),
        parseResult.GetValue(IndexCommandDefinition.Wait));

    private static void Report(IngestProblem problem, ref int shown, ConsoleProgress<PushSummary> progress, TextWriter error)
    {
        if (shown++ < IndexCommand.MaxProblemsShown)
        {
            progress.Clear();
            error.WriteLine($"skipped {problem}");
        }
    }

    private static void PrintSummary(TextWriter output, PushSummary summary, Uri service, int problems, bool waited)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        var refused = summary.Rejected > 0 ? $" ({summary.Rejected:N0} refused by the service)" : "";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Sent {summary.Sent:N0} articles, skipped {summary.Skipped + summary.Rejected:N0}{refused} in {seconds:F1} s: {summary.Sent / seconds:N0} docs/s, {summary.Bytes / 1_000_000.0 / seconds:F1} MB/s."));
        if (problems > IndexCommand.MaxProblemsShown)
        {
            output.WriteLine($"({problems - IndexCommand.MaxProblemsShown:N0} more skipped records not shown.)");
        }

        output.WriteLine(summary.Interrupted
            ? $"Interrupted: {service} holds the {summary.Sent:N0} articles it acknowledged; run again to send the rest (sending an article twice is harmless)."
            : waited
                ? $"{service} holds them all, durably, and its searches see them."
                : $"{service} holds them all, durably; its searches see them within a second.");
    }
}
