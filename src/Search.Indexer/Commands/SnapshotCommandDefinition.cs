using System.CommandLine;
using Search.Indexer.Push;

namespace Search.Indexer.Commands;

/// <summary>The <c>snapshot</c> command's options: a running service's index (<c>--url</c>) or an index folder no
/// process holds (<c>--index</c> to <c>--to</c>).</summary>
internal static class SnapshotCommandDefinition
{
    public static readonly Option<string> Url = ServiceTarget.CreateUrlOption(
        "Address of a running search service: it copies its index, while writes go on, into its Search:SnapshotPath.");

    public static readonly Option<string> ApiKey = ServiceTarget.CreateApiKeyOption();

    public static readonly Option<string> Name = new("--name")
    {
        Description = "With --url: the snapshot's folder name under the service's Search:SnapshotPath (default: a UTC time stamp).",
    };

    public static readonly Option<string> IndexPath = new("--index", "-i")
    {
        Description = "An index folder that no service or indexer holds; what its write-ahead log (translog/) holds beyond its last commit is applied first.",
    };

    public static readonly Option<string> To = new("--to")
    {
        Description = "With --index: the new or empty folder to copy it to.",
    };

    static SnapshotCommandDefinition()
    {
        OptionRules.AddPath(IndexPath);
        OptionRules.AddPath(To);
    }

    /// <param name="service">How <c>--url</c> is reached; passed in so tests can run against an in-process service.</param>
    public static Command Create(ServiceConnection service)
    {
        var command = new Command("snapshot", "Copy an index to a snapshot folder, from which `restore` brings it back.")
        {
            Url,
            ApiKey,
            Name,
            IndexPath,
            To,
        };

        command.Validators.Add(result =>
        {
            OptionRules.ExactlyOne(result, Url, IndexPath, "--url URL has a running service snapshot its index; --index DIR --to DIR2 copies an index no service holds.");
            OptionRules.OnlyWith(result, Url, ApiKey, Name);
            OptionRules.OnlyWith(result, IndexPath, To);
            if (OptionRules.Given(result, IndexPath) && !OptionRules.Given(result, To))
            {
                result.AddError("--index needs --to: the folder to copy the index to.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => SnapshotCommand.RunAsync(parseResult, service, cancellationToken));
        return command;
    }
}
