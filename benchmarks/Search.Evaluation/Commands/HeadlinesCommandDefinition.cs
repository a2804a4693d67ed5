using System.CommandLine;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Commands;

/// <summary>The <c>headlines</c> command's options.</summary>
internal static class HeadlinesCommandDefinition
{
    public static readonly Option<string[]> News = new("--news")
    {
        Description = "News files or folders (.jsonl, .jsonl.gz …). Relative paths are tried from the current folder, then from the repository root, then in /work/shared/data by name.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => ["../shared/data/ant-multisource", "../shared/data/ant-jawharafm"],
    };

    public static readonly Option<int> QueryCount = new("--query-count")
    {
        Description = "How many headlines to sample as queries.",
        DefaultValueFactory = _ => 1000,
        CustomParser = result => CommonOptions.WholeNumber(result, "--query-count", 1, 1_000_000),
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the headline sample.",
        DefaultValueFactory = _ => 42,
        CustomParser = result => CommonOptions.WholeNumber(result, "--seed", 0, int.MaxValue),
    };

    public static readonly Option<bool> Slips = new("--slips")
    {
        Description = "Also score a copy of the queries with one typing slip each (a letter dropped, two swapped, one doubled, one replaced by its keyboard neighbour, or two words run together), on the same indexes.",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<int> SlipSeed = new("--slip-seed")
    {
        Description = "Seed of the slips: which kind each query gets, and where.",
        DefaultValueFactory = _ => 1,
        CustomParser = result => CommonOptions.WholeNumber(result, "--slip-seed", 0, int.MaxValue),
    };

    public static readonly Option<string?> Name = CommonOptions.Name("headlines");

    public static readonly Option<string> Output = CommonOptions.Output();

    public static readonly Option<RankingVariant[]> Variants = CommonOptions.Variants();

    public static readonly Option<string[]> Wordings = CommonOptions.Wordings();

    public static readonly Option<bool> Baselines = CommonOptions.Baselines();

    public static readonly Option<int> Parallel = CommonOptions.Parallel();

    public static Command Create()
    {
        var command = new Command("headlines", "Find each sampled article by its real headline, in an index where every headline is replaced by the body's first sentence.")
        {
            News,
            QueryCount,
            Seed,
            Slips,
            SlipSeed,
            Name,
            Output,
            Variants,
            Wordings,
            Baselines,
            Parallel,
        };
        command.SetAction(HeadlinesCommand.Run);
        return command;
    }
}
