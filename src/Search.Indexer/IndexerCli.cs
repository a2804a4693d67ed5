using System.CommandLine;
using Search.Indexer.Commands;
using Search.Indexer.Push;

namespace Search.Indexer;

/// <summary>The command line: <c>index</c>, <c>snapshot</c> and <c>restore</c>.</summary>
public static class IndexerCli
{
    /// <param name="service">How commands reach a service given with <c>--url</c>; tests pass an in-process one.</param>
    public static RootCommand Create(ServiceConnection? service = null)
    {
        service ??= new ServiceConnection();
        return new("Builds and updates the Arabic news search index, here or in a running service, and backs it up.")
        {
            IndexCommandDefinition.Create(service),
            SnapshotCommandDefinition.Create(service),
            RestoreCommandDefinition.Create(),
        };
    }
}
