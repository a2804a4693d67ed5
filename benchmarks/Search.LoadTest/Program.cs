using System.CommandLine;
using Search.LoadTest.Commands;

var root = new RootCommand("Performance and load tests for the Arabic news search service.")
{
    IndexBenchCommandDefinition.Create(),
    QueryBenchCommandDefinition.Create(),
    HttpLoadCommandDefinition.Create(),
    GenerateCommandDefinition.Create(),
    ColdStartCommandDefinition.Create(),
    WriteBenchCommandDefinition.Create(),
    HeavyBenchCommandDefinition.Create(),
    OverloadBenchCommandDefinition.Create(),
    SuggestBenchCommandDefinition.Create(),
    ReplicationBenchCommandDefinition.Create(),
    IndexAnatomyCommandDefinition.Create(),
};
return root.Parse(args).Invoke();
