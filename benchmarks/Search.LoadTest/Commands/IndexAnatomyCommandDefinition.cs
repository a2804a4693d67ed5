using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>index-anatomy</c> command's options.</summary>
internal static class IndexAnatomyCommandDefinition
{
    public static readonly Option<string[]> Input = new("--input")
    {
        Description = "Files or folders of articles. Default: the ant-* corpora of ../shared/data.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Scratch folder for the indexes (emptied before each variant, deleted at the end).",
        Required = true,
    };

    public static readonly Option<int> Runs = new("--runs")
    {
        Description = "Runs of each variant, taken in turns so that a noisy stretch of the machine hits them all.",
        DefaultValueFactory = _ => 1,
    };

    public static Command Create()
    {
        var command = new Command("index-anatomy", "Index the same articles, parsed beforehand, one thread, one segment, with stock Lucene's Arabic analyzer and document and then with ours part by part: where indexing time goes against the stock chain.")
        {
            Input,
            IndexPath,
            Runs,
        };
        Runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--runs must be at least 1.");
            }
        });
        command.SetAction(IndexAnatomyCommand.Run);
        return command;
    }
}
