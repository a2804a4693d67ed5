using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>http-load</c> command's options.</summary>
internal static class HttpLoadCommandDefinition
{
    public static readonly Option<string> Url = new("--url")
    {
        Description = "Base address of a running Search.Api; loopback only (127.0.0.1).",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static readonly Option<int[]> Rates = new("--rates")
    {
        Description = "Request rates to hold, in requests per second, comma-separated, each for --duration.",
        CustomParser = OptionParsers.PositiveIntegers,
        DefaultValueFactory = _ => [50, 100, 200, 400],
    };

    public static readonly Option<TimeSpan> Duration = new("--duration")
    {
        Description = "How long each rate is held (e.g. 20s).",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static readonly Option<TimeSpan> Warmup = new("--warmup")
    {
        Description = "Untimed load at the first rate before measuring (e.g. 20s), so the server's JIT has settled.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(20),
    };

    public static readonly Option<string?> IndexPath = new("--index")
    {
        Description = "Draw the queries from this index's stored articles (read only). Default: the ant-* corpora of ../shared/data.",
    };

    public static readonly Option<bool> Highlight = new("--highlight")
    {
        Description = "Ask for highlighting, as the search page does.",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<double> SloMs = new("--slo-ms")
    {
        Description = "The p99 latency a rate must stay under to count as sustained.",
        DefaultValueFactory = _ => 50,
    };

    public static readonly Option<TimeSpan> Timeout = new("--timeout")
    {
        Description = "Per-request timeout; a request still waiting then counts as an error.",
        CustomParser = OptionParsers.Duration,
        DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
    };

    public static readonly Option<string?> Path = new("--path")
    {
        Description = "Send every request to this path (e.g. /health) instead of the search query mix: the service's cost per request apart from searching.",
    };

    public static readonly Option<bool> Compressed = new("--compressed")
    {
        Description = "Ask for compressed answers (Accept-Encoding: gzip, br), as browsers and most HTTP clients do, and decompress them: the cost of compression on both sides.",
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the query mix.",
        DefaultValueFactory = _ => 42,
    };

    public static Command Create()
    {
        var command = new Command("http-load", "Hold fixed request rates against GET /api/search (open loop, latency from the scheduled send time) and report p50/p99, throughput and errors per rate.")
        {
            Url,
            Rates,
            Duration,
            Warmup,
            IndexPath,
            Highlight,
            SloMs,
            Timeout,
            Path,
            Compressed,
            Seed,
        };
        command.SetAction(HttpLoadCommand.Run);
        return command;
    }
}
