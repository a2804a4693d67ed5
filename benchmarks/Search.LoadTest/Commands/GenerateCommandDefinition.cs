using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>generate</c> command's options.</summary>
internal static class GenerateCommandDefinition
{
    public static readonly Option<int> Articles = new("--articles")
    {
        Description = "How many synthetic articles to write.",
        DefaultValueFactory = _ => 1_000_000,
    };

    public static readonly Option<string> Output = new("--output")
    {
        Description = "The .jsonl.gz file to write (keep it out of the repository).",
        Required = true,
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of every random choice: the same seed and corpus give the same file.",
        DefaultValueFactory = _ => 42,
    };

    public static readonly Option<string[]> Corpus = new("--corpus")
    {
        Description = "Real corpus to learn the statistics from. Default: every ant-* folder of ../shared/data.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var command = new Command("generate", "Write a synthetic corpus whose word frequencies (Zipfian) and article lengths follow a real corpus, learned at run time.")
        {
            Articles,
            Output,
            Seed,
            Corpus,
        };
        Articles.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--articles must be at least 1.");
            }
        });
        command.SetAction(GenerateCommand.Run);
        return command;
    }
}
