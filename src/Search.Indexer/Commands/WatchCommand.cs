using System.CommandLine;
using Search.Core.DropFolder;
using Search.Core.Ingestion;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>index --watch FOLDER --url URL</c>: the service's drop folder (<see cref="DropFolderWatcher"/>)
/// on this machine, each complete file pushed as <see cref="PushCommand"/> would. Runs until Ctrl+C (exit 0), or
/// until the service refuses the key or stays unreachable (exit 1, the file being sent left in place). A file left in
/// place resumes after the records the service had acknowledged (<see cref="PushedFileProgress"/>).</summary>
internal static class WatchCommand
{
    public static async Task<int> RunAsync(ParseResult parseResult, ServiceConnection service, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(parseResult.GetRequiredValue(IndexCommandDefinition.Watch));
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        using var client = ServiceTarget.Connect(parseResult, IndexCommandDefinition.Url, IndexCommandDefinition.ApiKey, service);
        if (client is null)
        {
            return ExitCodes.Failed;
        }

        var pusher = new ArticlePusher(client, PushCommand.Options(parseResult));
        var sources = new ArticleSources(parseResult.GetValue(IndexCommandDefinition.PageUtcOffset));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ServiceException? failure = null;

        async Task<DropFileReport> PushFile(string path, CancellationToken token)
        {
            var problems = new List<IngestProblem>();
            var progress = PushedFileProgress.Start(path, output, error);
            try
            {
                var summary = await pusher.PushAsync(sources.ReadFile(path), problems.Add, null, progress.SentBefore, progress.Save, token);
                token.ThrowIfCancellationRequested();
                return new DropFileReport(summary.Sent, problems);
            }
            catch (ServiceException ex)
            {
                // Not this file's fault, and the next file would fare no better: stop, leaving it for the next run.
                failure = ex;
                await stop.CancelAsync();
                throw new OperationCanceledException(stop.Token);
            }
        }

        var watcher = new DropFolderWatcher(new DropFolderOptions(folder), PushFile, outcome => Print(outcome, output, error));
        output.WriteLine($"Watching {folder} and sending what appears in it to {client.BaseAddress}; Ctrl+C stops.");
        try
        {
            await watcher.RunAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, or a failure recorded above.
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: cannot watch {folder}: {ex.Message}");
            return ExitCodes.Failed;
        }

        if (failure is not null)
        {
            error.WriteLine($"error: {failure.Message}");
            return ExitCodes.Failed;
        }

        output.WriteLine("Stopped.");
        return ExitCodes.Success;
    }

    private static void Print(DropFileOutcome outcome, TextWriter output, TextWriter error)
    {
        var name = Path.GetFileName(outcome.File);
        foreach (var problem in outcome.Problems.Take(IndexCommand.MaxProblemsShown))
        {
            error.WriteLine($"skipped {problem}");
        }

        switch (outcome.State)
        {
            case DropFileState.Done when outcome.MovedTo is null:
                output.WriteLine($"{name}: sent {outcome.Indexed:N0} articles, skipped {outcome.Problems.Count:N0}; {outcome.Error}");
                break;
            case DropFileState.Done:
                output.WriteLine($"{name}: sent {outcome.Indexed:N0} articles, skipped {outcome.Problems.Count:N0}; moved to {outcome.MovedTo}");
                break;
            case DropFileState.Failed:
                output.WriteLine(outcome.MovedTo is null
                    ? $"{name}: {outcome.Error}"
                    : $"{name}: nothing sent; moved to {outcome.MovedTo}, its errors in {Path.GetFileName(outcome.MovedTo)}.error.txt beside it");
                break;
            default:
                error.WriteLine($"{name}: {outcome.Error}; will try again");
                break;
        }
    }
}
