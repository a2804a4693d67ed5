using System.CommandLine;
using Search.Indexer.Commands;

namespace Search.Indexer;

/// <summary>The command line: one root with the <c>index</c> command.</summary>
public static class IndexerCli
{
    public static RootCommand Create() => new("Builds and updates the Arabic news search index.")
    {
        IndexCommandDefinition.Create(),
    };
}
