using System.CommandLine;
using Search.Indexer.Commands;

var root = new RootCommand("Builds and updates the Arabic news search index.")
{
    IndexCommandDefinition.Create(),
};
return root.Parse(args).Invoke();
