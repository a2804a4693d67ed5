using System.CommandLine;

namespace Search.LoadTest.Commands;

/// <summary>The <c>index-bench</c> command's options.</summary>
internal static class IndexBenchCommandDefinition
{
    public static readonly Option<string[]> Input = new("--input")
    {
        Description = "Files or folders to index (as the indexer reads them). Default: every ant-* folder of ../shared/data.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string> IndexPath = new("--index")
    {
        Description = "Folder of the index to build; deleted first unless --keep.",
        Required = true,
    };

    public static readonly Option<int> Threads = new("--threads")
    {
        Description = "Threads that analyze and index at once (ArticleImporter's threads).",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<bool> Keep = new("--keep")
    {
        Description = "Index into the existing folder instead of deleting it first.",
    };

    public static readonly Option<double> RamBufferMb = new("--ram-buffer-mb")
    {
        Description = "The writer's RAM buffer, as the indexer's --ram-buffer-mb (whose default is 256).",
        DefaultValueFactory = _ => 256,
    };

    public static readonly Option<double> RefreshSeconds = new("--refresh-seconds")
    {
        Description = "Seconds between the background near-real-time refreshes while importing: 1 is the service's setting; 0 turns them off, as the indexer CLI does.",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<int> FirstCommitDocs = new("--first-commit-docs")
    {
        Description = "Size of the separate time-to-first-searchable-commit run, in a throwaway folder; 0 skips it.",
        DefaultValueFactory = _ => 1_000,
    };

    public static readonly Option<int> ForceMerge = new("--force-merge")
    {
        Description = "Experiment: afterwards, merge the index down to this many segments with a plain IndexWriter (as the indexer CLI does by default with --max-segments), to measure what the segment count costs queries. 0 skips it.",
        DefaultValueFactory = _ => 0,
    };

    public static Command Create()
    {
        var command = new Command("index-bench", "Index a corpus end to end and report docs/s, MB/s, index size, peak memory and time to the first searchable commit.")
        {
            Input,
            IndexPath,
            Threads,
            Keep,
            RamBufferMb,
            RefreshSeconds,
            FirstCommitDocs,
            ForceMerge,
        };
        Threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--threads must be between 1 and 64.");
            }
        });
        command.SetAction(IndexBenchCommand.Run);
        return command;
    }
}
