using System.CommandLine;
using System.Globalization;
using Search.Core.Indexing;
using Search.Core.Writing;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>snapshot</c>: through the service's <c>POST /api/index/_snapshot</c>, or straight from an index
/// folder with <see cref="IndexBackup.SnapshotAsync"/>.</summary>
internal static class SnapshotCommand
{
    /// <summary>Where the service keeps its write-ahead log unless configured otherwise (Search:Writes:LogPath).</summary>
    private const string LogFolderName = "translog";

    public static async Task<int> RunAsync(ParseResult parseResult, ServiceConnection service, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (parseResult.GetValue(SnapshotCommandDefinition.Url) is not null)
        {
            using var client = ServiceTarget.Connect(parseResult, SnapshotCommandDefinition.Url, SnapshotCommandDefinition.ApiKey, service);
            if (client is null)
            {
                return ExitCodes.Failed;
            }

            try
            {
                var reply = await client.SnapshotAsync(parseResult.GetValue(SnapshotCommandDefinition.Name), cancellationToken);
                output.WriteLine(Describe($"The service at {client.BaseAddress} wrote its snapshot to {reply.Folder}", reply.Files, reply.Bytes, reply.CopiedBytes, reply.Sequence));
                output.WriteLine("That folder is on the service's machine; `restore --from` it into a new index folder.");
                return ExitCodes.Success;
            }
            catch (ServiceException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine("Interrupted: the service may still finish the snapshot; see its snapshot folder.");
                return ExitCodes.Interrupted;
            }
        }

        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(SnapshotCommandDefinition.IndexPath));
        var target = Path.GetFullPath(parseResult.GetRequiredValue(SnapshotCommandDefinition.To));
        try
        {
            var snapshot = await IndexBackup.SnapshotAsync(indexPath, target, Path.Combine(indexPath, LogFolderName), cancellationToken);
            output.WriteLine(Describe($"Wrote a snapshot of the index at {indexPath} to {snapshot.Folder}", snapshot.Files, snapshot.Bytes, snapshot.CopiedBytes, snapshot.Sequence));
            return ExitCodes.Success;
        }
        catch (IndexLockedException ex)
        {
            error.WriteLine($"error: {ex.Message} A running service snapshots its own index: snapshot --url.");
            return ExitCodes.Failed;
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"Interrupted before the copy began; what was replayed from the log is committed in {indexPath}.");
            return ExitCodes.Interrupted;
        }
    }

    private static string Describe(string what, int files, long bytes, long copied, long sequence) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what} ({files:N0} files, {bytes / 1_000_000.0:F1} MB, {(copied == 0 ? "hard-linked to the index's: no disk space taken until it merges them away" : $"{copied / 1_000_000.0:F1} MB copied")}{(sequence > 0 ? $", every write up to change {sequence:N0}" : "")}).");
}
