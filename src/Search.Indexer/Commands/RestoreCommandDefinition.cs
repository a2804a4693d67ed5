using System.CommandLine;

namespace Search.Indexer.Commands;

/// <summary>The <c>restore</c> command's options.</summary>
internal static class RestoreCommandDefinition
{
    public static readonly Option<string> From = new("--from")
    {
        Description = "The snapshot folder (from `snapshot`, or a service's Search:SnapshotPath/NAME).",
        Required = true,
    };

    public static readonly Option<string> IndexPath = new("--index", "-i")
    {
        Description = "A new or empty folder to restore the index into; start a service on it with Search__IndexPath.",
        Required = true,
    };

    static RestoreCommandDefinition()
    {
        OptionRules.AddPath(From);
        OptionRules.AddPath(IndexPath);
    }

    public static Command Create()
    {
        var command = new Command("restore", "Copy a snapshot into a new index folder and check it.")
        {
            From,
            IndexPath,
        };

        command.SetAction((parseResult, cancellationToken) => RestoreCommand.RunAsync(parseResult, cancellationToken));
        return command;
    }
}
