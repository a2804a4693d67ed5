using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>suggest-bench</c> command's options.</summary>
internal static class SuggestBenchCommandDefinition
{
    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of an existing index (e.g. one the indexer built from the shared corpus). Opened read-only, twice.",
        Required = true,
    };

    public static readonly Option<int> Prefixes = new("--prefixes")
    {
        Description = "Timed suggestion requests per thread count.",
        DefaultValueFactory = _ => 5_000,
    };

    public static readonly Option<int> Warmup = new("--warmup")
    {
        Description = "Untimed requests before timing, so tiered JIT has finished.",
        DefaultValueFactory = _ => 3_000,
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the article sample and of the prefixes drawn from it.",
        DefaultValueFactory = _ => 42,
    };

    public static readonly Option<int> SampleSize = new("--sample")
    {
        Description = "Articles read from the index to draw prefixes from (their titles' words).",
        DefaultValueFactory = _ => 2_000,
    };

    public static readonly Option<int> Size = new("--size")
    {
        Description = "Suggestions per request, as the API's size parameter (1–20).",
        DefaultValueFactory = _ => 8,
    };

    public static Command Create()
    {
        var command = new Command("suggest-bench", "Time NewsIndex.Suggest in process over prefixes of 2–8 letters drawn from the index's titles (alone, and after a word typed whole): build time and memory of the suggestions, p50/p90/p99 per prefix length on 1 and 2 threads, and search latency while another copy of the index builds them.")
        {
            IndexPath,
            Prefixes,
            Warmup,
            Seed,
            SampleSize,
            Size,
        };
        Prefixes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--prefixes must be at least 1.");
            }
        });
        Size.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 20)
            {
                result.AddError("--size must be between 1 and 20.");
            }
        });
        command.SetAction(SuggestBenchCommand.Run);
        return command;
    }
}
