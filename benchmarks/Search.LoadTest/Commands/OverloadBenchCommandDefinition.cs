using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>overload-bench</c> command's options.</summary>
internal static class OverloadBenchCommandDefinition
{
    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of an existing index for the service to open (Search__IndexPath); nothing else may hold its write lock.",
        Required = true,
    };

    public static readonly Option<string?> ApiDll = new("--api-dll")
    {
        Description = "The built Search.Api.dll. Default: src/Search.Api/bin/Release/net10.0/Search.Api.dll of this repository.",
    };

    public static readonly Option<int> Port = new("--port")
    {
        Description = "Loopback port the service listens on.",
        DefaultValueFactory = _ => 5083,
    };

    public static readonly Option<string[]> Settings = new("--set")
    {
        Description = "A setting for the service as KEY=VALUE in its environment (e.g. Search__Admission__HeavyConcurrency=2); repeatable. Default: none, the service's defaults.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> Shape = new("--shape")
    {
        Description = "The heavy query shape that floods (a heavy-bench shape name).",
        DefaultValueFactory = _ => "words-64",
    };

    public static readonly Option<int[]> Clients = new("--clients")
    {
        Description = "Closed-loop client counts tried to find the heavy query's sustainable rate, comma-separated.",
        CustomParser = OptionParsers.PositiveIntegers,
        DefaultValueFactory = _ => [1, 2, 4],
    };

    public static readonly Option<double> Factor = new("--factor")
    {
        Description = "The flood's rate as a multiple of the sustainable rate.",
        DefaultValueFactory = _ => 4.0,
    };

    public static readonly Option<TimeSpan> FloodDuration = new("--flood")
    {
        Description = "How long the flood lasts (e.g. 20s).",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static readonly Option<int> LightRate = new("--light-rate")
    {
        Description = "One-word queries a second, sent throughout, calm and flood alike.",
        DefaultValueFactory = _ => 20,
    };

    public static readonly Option<int> HealthRate = new("--health-rate")
    {
        Description = "GET /health a second, sent alongside.",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the article sample and of the drawn queries.",
        DefaultValueFactory = _ => 42,
    };

    public static Command Create()
    {
        var command = new Command("overload-bench", "Start the service, find the heaviest valid query's sustainable rate, flood it at a multiple of that while one-word queries and /health go on, and report shedding, latency and recovery.")
        {
            IndexPath,
            ApiDll,
            Port,
            Settings,
            Shape,
            Clients,
            Factor,
            FloodDuration,
            LightRate,
            HealthRate,
            Seed,
        };
        command.SetAction(OverloadBenchCommand.Run);
        return command;
    }
}
