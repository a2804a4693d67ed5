using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>cold-start</c> command's options.</summary>
internal static class ColdStartCommandDefinition
{
    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of an existing index for the API to open (Search__IndexPath); nothing else may hold its write lock.",
        Required = true,
    };

    public static readonly Option<string?> ApiDll = new("--api-dll")
    {
        Description = "The built Search.Api.dll. Default: src/Search.Api/bin/Release/net10.0/Search.Api.dll of this repository.",
    };

    public static readonly Option<int> Runs = new("--runs")
    {
        Description = "How many times to start the API.",
        DefaultValueFactory = _ => 3,
    };

    public static readonly Option<int> Port = new("--port")
    {
        Description = "Loopback port the child API listens on.",
        DefaultValueFactory = _ => 5081,
    };

    public static readonly Option<string> Query = new("--query")
    {
        Description = "The search sent until it succeeds.",
        DefaultValueFactory = _ => "الحكومة",
    };

    public static readonly Option<TimeSpan> Timeout = new("--timeout")
    {
        Description = "Give up on a start after this long (e.g. 60s).",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
    };

    public static Command Create()
    {
        var command = new Command("cold-start", "Start the API as a child process and time process start to the first successful /api/search answer.")
        {
            IndexPath,
            ApiDll,
            Runs,
            Port,
            Query,
            Timeout,
        };
        command.SetAction(ColdStartCommand.Run);
        return command;
    }
}
