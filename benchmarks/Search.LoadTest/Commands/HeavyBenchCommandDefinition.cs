using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>heavy-bench</c> command's options.</summary>
internal static class HeavyBenchCommandDefinition
{
    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of an existing index (e.g. one the indexer CLI built). Nothing else may hold its write lock.",
        Required = true,
    };

    public static readonly Option<string?> WordsFrom = new("--words-from")
    {
        Description = "Draw the words from this index's stored articles (read only) instead of --index's, so that two builds with indexes of their own time the same queries.",
    };

    public static readonly Option<int> Runs = new("--runs")
    {
        Description = "Timed searches per shape.",
        DefaultValueFactory = _ => 100,
    };

    public static readonly Option<int> Variants = new("--variants")
    {
        Description = "Distinct queries drawn per shape; the timed searches cycle through them.",
        DefaultValueFactory = _ => 20,
    };

    public static readonly Option<int> Warmup = new("--warmup")
    {
        Description = "Untimed searches per shape first, so JIT tiering has settled.",
        DefaultValueFactory = _ => 20,
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the article sample, the drawn queries and the order.",
        DefaultValueFactory = _ => 42,
    };

    public static readonly Option<int> SampleSize = new("--sample")
    {
        Description = "Articles read from the index to draw words from.",
        DefaultValueFactory = _ => 2_000,
    };

    public static readonly Option<bool> Highlight = new("--highlight")
    {
        Description = "Highlight the hits, as the API does by default (facets and collapsing are on too).",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<bool> Print = new("--print")
    {
        Description = "Print the first query of each shape.",
    };

    public static Command Create()
    {
        var command = new Command("heavy-bench", "Time the hardening issue's heavy query shapes in process (NewsIndex.Search): those the caps refuse and the heaviest still valid, p50/p99 per shape.")
        {
            IndexPath,
            WordsFrom,
            Runs,
            Variants,
            Warmup,
            Seed,
            SampleSize,
            Highlight,
            Print,
        };
        Runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });
        Variants.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--variants must be at least 1.");
            }
        });
        command.SetAction(HeavyBenchCommand.Run);
        return command;
    }
}
