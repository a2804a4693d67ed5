using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>write-bench</c> command's options.</summary>
internal static class WriteBenchCommandDefinition
{
    public static readonly string[] AllPhases = ["indexer", "bulk", "put", "search"];

    public static readonly Option<string[]> Input = new("--input")
    {
        Description = "Files or folders of articles to write (as the indexer reads them). Default: every ant-* folder of ../shared/data.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string?> Url = new("--url")
    {
        Description = "Base address of a running Search.Api (loopback only), with --api-key. Default: start Search.Api here on an empty temporary index.",
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "A key the service at --url accepts (Search:ApiKeys).",
    };

    public static readonly Option<string?> ApiDll = new("--api-dll")
    {
        Description = "The built Search.Api.dll to start. Default: src/Search.Api/bin/Release/net10.0/Search.Api.dll of this repository.",
    };

    public static readonly Option<string?> IndexerDll = new("--indexer-dll")
    {
        Description = "The built search-indexer.dll for the offline comparison. Default: src/Search.Indexer/bin/Release/net10.0/search-indexer.dll.",
    };

    public static readonly Option<int> Port = new("--port")
    {
        Description = "Loopback port of the service started here.",
        DefaultValueFactory = _ => 5097,
    };

    public static readonly Option<string[]> Phases = new("--phases")
    {
        Description = "Which measurements, comma-separated, in this order: indexer (offline indexer on the corpus), bulk (the corpus through _bulk), put (single PUT latency at --put-rate), search (search p99 alone and with writes).",
        CustomParser = result => [.. result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        DefaultValueFactory = _ => AllPhases,
    };

    public static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "Articles per _bulk request.",
        DefaultValueFactory = _ => 500,
    };

    public static readonly Option<int> InFlight = new("--in-flight")
    {
        Description = "_bulk requests in flight at once.",
        DefaultValueFactory = _ => 2,
    };

    public static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "How many times the offline indexer and the bulk load take turns, each bulk load on a fresh service; the ratio compares the best runs.",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<int> PutRate = new("--put-rate")
    {
        Description = "PUTs per second, open loop, for the latency measurement.",
        DefaultValueFactory = _ => 50,
    };

    public static readonly Option<TimeSpan> PutDuration = new("--put-duration")
    {
        Description = "How long the PUT rate is held for the latency measurement (after --warmup).",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
    };

    public static readonly Option<int> SearchRate = new("--search-rate")
    {
        Description = "Searches per second, open loop, alone and then with writes.",
        DefaultValueFactory = _ => 100,
    };

    public static readonly Option<TimeSpan> SearchDuration = new("--search-duration")
    {
        Description = "How long searches run alone, and again with writes, in each round.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static readonly Option<int[]> SearchPutRates = new("--search-put-rates")
    {
        Description = "PUTs per second run under the searches, comma-separated: each is measured against searches alone.",
        CustomParser = OptionParsers.PositiveIntegers,
        DefaultValueFactory = _ => [50],
    };

    public static readonly Option<int> SearchRounds = new("--search-rounds")
    {
        Description = "How many times searches alone and searches with writes take turns.",
        DefaultValueFactory = _ => 2,
    };

    public static readonly Option<TimeSpan> Warmup = new("--warmup")
    {
        Description = "Untimed load before the PUT and the search measurements, so the server's JIT has settled.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the query mix.",
        DefaultValueFactory = _ => 42,
    };

    public static Command Create()
    {
        var command = new Command("write-bench", "Measure the write path over HTTP: bulk articles/s with durable acknowledgements against the offline indexer, single PUT latency at a fixed rate, and search latency with writes running against searches alone.")
        {
            Input,
            Url,
            ApiKey,
            ApiDll,
            IndexerDll,
            Port,
            Phases,
            BatchSize,
            InFlight,
            Repeat,
            PutRate,
            PutDuration,
            SearchRate,
            SearchDuration,
            SearchPutRates,
            SearchRounds,
            Warmup,
            Seed,
        };
        Phases.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>().FirstOrDefault(phase => !AllPhases.Contains(phase)) is { } unknown)
            {
                result.AddError($"Unknown phase '{unknown}': use {string.Join(", ", AllPhases)}.");
            }
        });
        command.SetAction(WriteBenchCommand.Run);
        return command;
    }
}
