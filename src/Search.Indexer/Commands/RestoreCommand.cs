using System.CommandLine;
using System.Globalization;
using Search.Core.Writing;

namespace Search.Indexer.Commands;

/// <summary>Runs <c>restore</c> with <see cref="IndexBackup.Restore"/>: refuses a folder that is not empty and checks
/// the copy before saying it is good.</summary>
internal static class RestoreCommand
{
    public static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        // On a thread of its own, so Ctrl+C reaches the token while files are copied.
        Task.Run(() => Run(parseResult, cancellationToken), CancellationToken.None);

    private static int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var from = Path.GetFullPath(parseResult.GetRequiredValue(RestoreCommandDefinition.From));
        var indexPath = Path.GetFullPath(parseResult.GetRequiredValue(RestoreCommandDefinition.IndexPath));
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var restored = IndexBackup.Restore(from, indexPath, cancellationToken);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Restored {restored.Articles:N0} articles ({restored.Files:N0} files, {restored.Bytes / 1_000_000.0:F1} MB) from {from} into {restored.Folder}; Lucene's CheckIndex finds it clean."));
            output.WriteLine($"Serve it with: Search__IndexPath={restored.Folder} dotnet run --project src/Search.Api");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"Interrupted: {indexPath} is left empty.");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
