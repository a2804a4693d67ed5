using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>replication-bench</c> command's options.</summary>
internal static class ReplicationBenchCommandDefinition
{
    public static readonly Option<string[]> Input = new("--input")
    {
        Description = "Files or folders of articles to load into PostgreSQL (as the indexer reads them). Default: every ant-* folder of ../shared/data.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string?> ApiDll = new("--api-dll")
    {
        Description = "The built Search.Api.dll to start. Default: src/Search.Api/bin/Release/net10.0/Search.Api.dll of this repository.",
    };

    public static readonly Option<int[]> Rates = new("--rates")
    {
        Description = "Writes per second (single-article PUTs to node A, open loop) at which node B's lag is measured, comma-separated.",
        CustomParser = OptionParsers.PositiveIntegers,
        DefaultValueFactory = _ => [50, 500],
    };

    public static readonly Option<TimeSpan> Duration = new("--duration")
    {
        Description = "How long each write rate is held.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static readonly Option<int> Clients = new("--clients")
    {
        Description = "Concurrent search clients (closed loop) for the one-node and two-node throughput.",
        DefaultValueFactory = _ => 8,
    };

    public static readonly Option<TimeSpan> QueryDuration = new("--query-duration")
    {
        Description = "How long searches run against one node, and then against two.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static Command Create()
    {
        var command = new Command("replication-bench", "Nodes following one PostgreSQL: load the corpus through node A into a fresh durable server, time node B's bootstrap from it, measure B's replication lag behind writes to A at fixed rates, and search throughput of one node against two.")
        {
            Input,
            ApiDll,
            Rates,
            Duration,
            Clients,
            QueryDuration,
        };
        command.SetAction(ReplicationBenchCommand.Run);
        return command;
    }
}
