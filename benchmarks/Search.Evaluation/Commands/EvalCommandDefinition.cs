using System.CommandLine;
using Search.Evaluation.Systems;

namespace Search.Evaluation.Commands;

/// <summary>The <c>eval</c> command's options.</summary>
internal static class EvalCommandDefinition
{
    public static readonly Option<string> Passages = new("--passages")
    {
        Description = "Passage collection, JSON Lines with id, title and text (title is indexed as the title, text as the body).",
        Required = true,
    };

    public static readonly Option<string> Queries = new("--queries")
    {
        Description = "Query file, one 'qid<TAB>query' per line.",
        Required = true,
    };

    public static readonly Option<string> Qrels = new("--qrels")
    {
        Description = "TREC qrels, 'qid 0 docid relevance' per line; relevance above 0 is relevant.",
        Required = true,
    };

    public static readonly Option<string[]> Distractors = new("--distractors")
    {
        Description = "News files or folders (.jsonl, .jsonl.gz …) indexed alongside the passages; their ids get a 'distractor:' prefix.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    public static readonly Option<string?> Name = CommonOptions.Name("the passages' folder name, plus '-distractors' with --distractors");

    public static readonly Option<string> Output = CommonOptions.Output();

    public static readonly Option<RankingVariant[]> Variants = CommonOptions.Variants();

    public static readonly Option<string[]> Wordings = CommonOptions.Wordings();

    public static readonly Option<bool> Baselines = CommonOptions.Baselines();

    public static readonly Option<int> Parallel = CommonOptions.Parallel();

    public static Command Create()
    {
        var command = new Command("eval", "Score standard, stock-arabic and the service (plus --variant configurations) on a passage collection with qrels.")
        {
            Passages,
            Queries,
            Qrels,
            Distractors,
            Name,
            Output,
            Variants,
            Wordings,
            Baselines,
            Parallel,
        };
        command.SetAction(EvalCommand.Run);
        return command;
    }
}
